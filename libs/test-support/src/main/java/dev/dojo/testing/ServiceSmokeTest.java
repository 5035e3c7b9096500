package dev.dojo.testing;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service must do once started: listen on its (random, in tests) port, answer the original
 * {@code /ping} contract, report health, and keep every management endpoint that reveals internals off (an operator
 * turns one on with {@code ENDPOINTS_<ID>_ENABLED=true}, see each README). Each service's ApplicationTest extends this with
 * {@code @MicronautTest} and whatever properties it needs.
 */
public abstract class ServiceSmokeTest {

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected HttpClient httpClient;

    /** Micronaut's management paths besides health (and a sub-path of each that takes one). */
    protected static final List<String> MANAGEMENT = List.of("/beans", "/caches", "/env", "/env/micronaut",
            "/flyway", "/info", "/liquibase", "/loggers", "/loggers/ROOT", "/metrics", "/metrics/jvm.memory.used",
            "/prometheus", "/refresh", "/routes", "/stop", "/threaddump");

    /**
     * Whether the service answers {@code /prometheus} on its own port: users, eval and swapper do (that port is
     * reachable inside the network only, docs/observability.md); main overrides this, its metrics listen on a
     * management port of their own so that :8080 never serves them.
     */
    protected boolean servesMetricsOnItsPort() {
        return true;
    }

    @Test
    void exposesNoManagementEndpointButHealth() throws Exception {
        List<String> active = server.getApplicationContext()
                .getBeanDefinitions(Qualifiers.byStereotype(Endpoint.class)).stream()
                .map(definition -> definition.stringValue(Endpoint.class).orElse(definition.getName()))
                .sorted().toList();
        assertEquals(List.of("health", "prometheus"), active, "management endpoints switched on");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        List<String> reachable = new ArrayList<>();
        for (String path : MANAGEMENT) {
            if (path.equals("/prometheus") && servesMetricsOnItsPort()) {
                continue;
            }
            for (String method : new String[]{"GET", "POST"}) {
                java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest
                        .newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                        .timeout(Duration.ofSeconds(20))
                        .header("Accept", "application/json")
                        .header("Content-Type", "application/json")
                        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                // 404, or 401 where security rejects unknown paths for anonymous callers
                if (response.statusCode() != 404 && response.statusCode() != 401
                        || !response.body().contains("\"status\":\"fail\"")) {
                    reachable.add(method + " " + path + " → " + response.statusCode() + " " + response.body());
                }
            }
        }
        assertEquals(List.of(), reachable, "reachable management paths on port " + server.getPort());
    }

    /**
     * users, eval and swapper: their /prometheus holds a latency histogram per route and status, the JVM, the
     * database pool where there is one, and the service's name on every series (main: ManagementPortTest).
     */
    @Test
    void servesItsMetricsOnItsPortWithRouteHistogramsTheJvmAndTheDatabasePool() throws Exception {
        if (!servesMetricsOnItsPort()) {
            return;
        }
        assertEquals(200, httpClient.toBlocking().exchange(HttpRequest.GET(server.getURL() + "/ping")).code());
        String text = PrometheusText.scrape(URI.create(server.getURL() + "/prometheus"));
        // other tests of the class may have pinged too
        assertTrue(PrometheusText.value(text, "http_server_requests_seconds_bucket{", "uri=\"/ping\"",
                "method=\"GET\"", "status=\"200\"", "le=\"+Inf\"") >= 1, "a histogram per route and status");
        assertEquals(PrometheusText.LATENCY_BOUNDS, PrometheusText.bounds(text, "http_server_requests_seconds",
                "uri=\"/ping\"", "method=\"GET\"", "status=\"200\""), "the shared buckets, 1 ms to 30 s");
        assertTrue(PrometheusText.value(text, "jvm_memory_used_bytes{", "area=\"heap\"") > 0, "the JVM");
        assertTrue(PrometheusText.value(text, "process_cpu_usage{") >= 0, "the process");
        if (server.getApplicationContext().containsBean(javax.sql.DataSource.class)) {
            assertTrue(PrometheusText.value(text, "hikaricp_connections_max{") > 0, "the database pool");
        }
        String name = server.getApplicationContext().getRequiredProperty("micronaut.application.name", String.class);
        assertTrue(text.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .allMatch(line -> line.contains("service=\"" + name + "\"")), "every series names " + name);
    }

    @Test
    void answersPing() {
        // with one trailing slash too: the router serves it as /ping, and so must the security rule
        for (String path : List.of("/ping", "/ping/")) {
            HttpResponse<Map> response = httpClient.toBlocking()
                    .exchange(HttpRequest.GET(server.getURL() + path), Map.class);
            assertEquals(200, response.code(), path);
            assertEquals(Map.of("status", "success", "message", "pong!"), response.body(), path);
        }
    }

    @Test
    void reportsHealth() {
        for (String path : new String[]{"/health", "/health/liveness", "/health/readiness"}) {
            HttpResponse<Map> response = httpClient.toBlocking()
                    .exchange(HttpRequest.GET(server.getURL() + path), Map.class);
            assertEquals(200, response.code(), path);
            assertEquals("UP", response.body().get("status"), path);
        }
    }

    /**
     * Bytes of request headers the service takes. Behind main a service takes more than main's public 8 KB, which
     * main holds callers to (431 beyond): main adds its forwarding headers, and a caller's request just under main's
     * limit reached the service over its own 8 KB and came back "413 Payload too large." main overrides this with
     * a size under its own limit.
     */
    protected int headerRoom() {
        return 12 * 1024;
    }

    @Test
    void takesTheHeadersMainForwards() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/ping"))
                        .timeout(Duration.ofSeconds(20)).header("X-Pad", "p".repeat(headerRoom())).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    /** A plain TCP connection to the port the server reports gets an HTTP answer: something really listens there. */
    @Test
    void listensOnARealPort() throws Exception {
        assertNotEquals(0, server.getPort());
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write("GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertEquals("HTTP/1.1 200 OK", answer.lines().findFirst().orElse(""), answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains("\"message\":\"pong!\""), answer);
        }
    }
}
