package dev.dojo.launcher.service;

import dev.dojo.launcher.PortPlan;
import dev.dojo.launcher.Service;
import dev.dojo.launcher.database.DatabaseServer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables that wire one service to the others — the contract in launcher/README.md
 * ("What the services receive"). Services talk over loopback; only the public URL uses "localhost".
 */
public final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    public static Map<String, String> of(Service service, PortPlan ports, DatabaseServer database,
                                         String databasePrefix, boolean seed, String jwtPrivateKeyPem) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(ports.of(service)));
        if (service.ownsDatabase()) {
            env.put("DATASOURCES_DEFAULT_URL", database.urlOf(databasePrefix + service.id()));
            env.put("DATASOURCES_DEFAULT_USERNAME", database.user());
            env.put("DATASOURCES_DEFAULT_PASSWORD", database.password());
            env.put("DOJO_SEED_DEMO", Boolean.toString(seed));
        }
        switch (service) {
            case USERS -> env.put("DOJO_JWT_PRIVATE_KEY_PEM", jwtPrivateKeyPem);
            case EVAL -> env.put("DOJO_USERS_JWKS_URL", internal(ports, Service.USERS) + "/keys");
            case MAIN -> {
                env.put("DOJO_USERS_URL", internal(ports, Service.USERS));
                env.put("DOJO_EVAL_URL", internal(ports, Service.EVAL));
                env.put("DOJO_SWAPPER_URL", internal(ports, Service.SWAPPER));
            }
            case SWAPPER -> {
                env.put("DOJO_USERS_URL", internal(ports, Service.USERS));
                env.put("DOJO_EVAL_URL", internal(ports, Service.EVAL));
                env.put("DOJO_MAIN_URL", internal(ports, Service.MAIN));
                env.put("DOJO_PUBLIC_URL", publicUrl(ports));
            }
            default -> throw new IllegalStateException("unknown service " + service);
        }
        return env;
    }

    public static String publicUrl(PortPlan ports) {
        return "http://localhost:" + ports.of(Service.MAIN);
    }

    private static String internal(PortPlan ports, Service target) {
        return "http://127.0.0.1:" + ports.of(target);
    }
}
