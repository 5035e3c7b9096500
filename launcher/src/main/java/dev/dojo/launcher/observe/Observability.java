package dev.dojo.launcher.observe;

import dev.dojo.launcher.Console;
import dev.dojo.launcher.LaunchFailure;
import dev.dojo.launcher.process.ChildProcess;
import dev.dojo.launcher.process.Supervisor;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./dojo --observe}: the real Zipkin server (in-memory storage) as one more supervised child, and the
 * OpenTelemetry settings that make every service export its spans there (docs/observability.md).
 */
public final class Observability {

    /** Where launcher/pom.xml copies Maven Central's {@code io.zipkin:zipkin-server:exec} jar. */
    static final String JAR = "launcher/target/zipkin/zipkin-server.jar";
    /** The newest spans Zipkin keeps; older traces are dropped. */
    static final int MAX_SPANS = 50_000;

    private final int port;

    private Observability(int port) {
        this.port = port;
    }

    /** Starts Zipkin on a free port and returns once its API answers. */
    public static Observability start(Path home, String java, Supervisor supervisor, Console console,
                                      int readySeconds) {
        Path jar = home.resolve(JAR);
        if (!Files.isRegularFile(jar)) {
            throw new LaunchFailure(LaunchFailure.MISSING_JAR, "Zipkin server jar " + jar + " missing. Build it with"
                    + " ./mvnw -DskipTests -pl launcher package (./dojo does this for you).");
        }
        int port = freePort();
        long began = System.nanoTime();
        try {
            supervisor.adoptService(ChildProcess.start("zipkin",
                    List.of(java, "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()),
                    // in-memory storage bounded to what 256 MB holds: Zipkin's default (500,000 spans) runs it
                    // out of heap under a load test, every span sampled
                    Map.of("QUERY_PORT", Integer.toString(port), "STORAGE_TYPE", "mem",
                            "MEM_MAX_SPANS", Integer.toString(MAX_SPANS), "JAVA_OPTS", ""), home, console));
        } catch (IOException e) {
            throw new LaunchFailure(LaunchFailure.SERVICE_FAILED, "Cannot start Zipkin: " + e.getMessage(), e);
        }
        Observability observability = new Observability(port);
        observability.awaitReady(supervisor, readySeconds);
        console.info(String.format(Locale.ROOT, "Zipkin ready on 127.0.0.1:%d in %.1f s", port,
                (System.nanoTime() - began) / 1e9));
        return observability;
    }

    /** The environment that sends a service's spans (every one of them: sampling 1.0) to this Zipkin. */
    public Map<String, String> serviceEnvironment() {
        return Map.of(
                "OTEL_TRACES_EXPORTER", "zipkin",
                "OTEL_EXPORTER_ZIPKIN_ENDPOINT", "http://127.0.0.1:" + port + "/api/v2/spans");
    }

    public String uiUrl() {
        return "http://localhost:" + port + "/zipkin/";
    }

    public int port() {
        return port;
    }

    private void awaitReady(Supervisor supervisor, int readySeconds) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + readySeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            supervisor.firstDead().ifPresent(dead -> {
                throw new LaunchFailure(LaunchFailure.SERVICE_FAILED, dead.name() + " exited during start (exit code "
                        + dead.exitCode() + "); see the [" + dead.name() + "] lines above");
            });
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchFailure(LaunchFailure.SERVICE_FAILED, "interrupted");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchFailure(LaunchFailure.SERVICE_FAILED, "interrupted");
            }
        }
        throw new LaunchFailure(LaunchFailure.SERVICE_FAILED, "Zipkin not ready within " + readySeconds + " s");
    }

    /** A free port for a listener of our own (Zipkin, main's management port). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LaunchFailure(LaunchFailure.PORT_IN_USE, "Cannot find a free port: " + e.getMessage());
        }
    }
}
