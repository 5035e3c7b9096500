package dev.dojo.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which port each service (and the embedded PostgreSQL) listens on; checked free before anything starts. */
public record PortPlan(Map<Service, Integer> services, int postgres) {

    public static PortPlan of(LaunchOptions options) {
        Set<Integer> taken = new HashSet<>();
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            Integer explicit = options.explicitPorts().get(service);
            if (explicit == null && options.randomPorts()) {
                ports.put(service, freePort(taken));
                continue;
            }
            int port = explicit != null ? explicit : options.basePort() + service.portOffset();
            if (!taken.add(port)) {
                throw new LaunchFailure(LaunchFailure.USAGE, "Port " + port + " is planned twice (" + service.id()
                        + "); choose distinct ports");
            }
            ports.put(service, port);
        }
        Optional<Integer> pg = options.postgresPort();
        return new PortPlan(Map.copyOf(ports), pg.orElseGet(() -> freePort(taken)));
    }

    public int of(Service service) {
        return services.get(service);
    }

    /** Fails with one clear line for the first planned port another process already listens on. */
    public void verifyFree(boolean includePostgres) {
        for (Service service : Service.values()) {
            int port = of(service);
            if (!isFree(port)) {
                throw new LaunchFailure(LaunchFailure.PORT_IN_USE, "Port " + port + " (" + service.id()
                        + ") is already in use. Stop whatever uses it or choose other ports with "
                        + (service == Service.MAIN ? "--port" : "--" + service.id() + "-port")
                        + ", --base-port or --random-ports.");
            }
        }
        if (includePostgres && !isFree(postgres)) {
            throw new LaunchFailure(LaunchFailure.PORT_IN_USE, "Port " + postgres
                    + " (PostgreSQL) is already in use. Choose another with --pg-port.");
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Micronaut binds every interface, so probe the wildcard address, not just loopback
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort(Set<Integer> taken) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (!taken.contains(port)) {
                    taken.add(port);
                    return port;
                }
            } catch (IOException e) {
                throw new LaunchFailure(LaunchFailure.PORT_IN_USE, "Cannot find a free port: " + e.getMessage());
            }
        }
        throw new LaunchFailure(LaunchFailure.PORT_IN_USE, "Cannot find a free port");
    }
}
