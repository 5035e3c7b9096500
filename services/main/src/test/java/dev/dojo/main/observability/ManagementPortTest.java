package dev.dojo.main.observability;

import dev.dojo.main.ServiceRoutes;
import dev.dojo.main.FakeService;
import dev.dojo.main.Http;
import dev.dojo.testing.FreePort;
import dev.dojo.testing.PrometheusText;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * main's metrics are on its management port only: the public port never answers /prometheus, the management
 * port answers it with per-route server latencies, main's downstream calls and each route's circuit breaker
 * (resilience4j's Micrometer binder). This is the default, {@code DOJO_METRICS_ENABLED=true};
 * {@link MetricsDisabledTest} is the switch off.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementPortTest implements TestPropertyProvider {

    private final FakeService services = FakeService.start("all");
    /** eval's stand-in, closed by the breaker test to trip eval's circuit */
    private final FakeService eval = FakeService.start("eval");
    private final int managementPort = FreePort.next();
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return ServiceRoutes.to(services.url(), eval.url(), services.url(),
                "endpoints.all.port", Integer.toString(managementPort),
                "dojo.gateway.circuit-breaker.failure-threshold", "2",
                "dojo.gateway.circuit-breaker.open-for", "10m");
    }

    @AfterAll
    void stopFakes() {
        services.close();
        eval.close();
    }

    @Test
    void thePublicPortDoesNotServeMetrics() throws Exception {
        for (String accept : new String[] {"*/*", "text/plain", "text/html"}) {
            HttpResponse<String> response = get(server.getPort(), "/prometheus", accept);
            assertNotEquals(200, response.statusCode() == 200 && response.body().contains("jvm_") ? 200 : 0,
                    accept + ": " + response.body());
            assertFalse(response.body().contains("http_server_requests"), accept);
        }
    }

    @Test
    void theManagementPortServesRouteLatenciesAndDownstreamCalls() throws Exception {
        assertNotEquals(server.getPort(), managementPort);
        assertEquals(200, get(server.getPort(), "/ping", "*/*").statusCode());

        HttpResponse<String> scrape = get(managementPort, "/prometheus", "*/*");
        assertEquals(200, scrape.statusCode(), scrape.body());
        String text = scrape.body();
        assertTrue(text.lines().anyMatch(l -> l.startsWith("dojo_gateway_requests_seconds_bucket{")
                && l.contains("uri=\"/ping/**\"") && l.contains("upstream=\"users\"")
                && l.contains("status=\"200\"")), "proxied requests: a histogram per route and status");
        assertEquals(PrometheusText.LATENCY_BOUNDS, PrometheusText.bounds(text, "dojo_gateway_requests_seconds",
                "uri=\"/ping/**\"", "status=\"200\""), "the shared buckets, 1 ms to 30 s, not ~70 per series");
        assertTrue(text.lines().noneMatch(l -> l.startsWith("http_client_requests_seconds")
                && l.contains("uri=\"/ping/**\"")), "a proxied call is measured once, by the gateway timer");
        assertTrue(text.lines().anyMatch(l -> l.startsWith("jvm_memory_used_bytes{")), "the JVM");
        assertTrue(text.contains("service=\"main\""));
    }

    @Test
    void theHealthProbesAreMainsOwnDownstreamCalls() throws Exception {
        // /health probes every service (200, or 503 once the breaker test has closed eval's stand-in)
        int status = get(server.getPort(), "/health", "*/*").statusCode();
        assertTrue(status == 200 || status == 503, Integer.toString(status));
        String text = scrape();
        assertTrue(text.lines().anyMatch(l -> l.startsWith("http_client_requests_seconds_count{")
                && l.contains("status=\"200\"")), "main's probes of the services");
        assertTrue(text.lines().anyMatch(l -> l.startsWith("http_client_requests_seconds_bucket{")),
                "main's probes of the services: a histogram");
    }

    @Test
    void methodsCallersInventShareOneSeries() throws Exception {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.getPort() + "/users/1"))
                    .method("DOJOX" + i, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() < 500, response.statusCode() + " " + response.body());
        }
        String scrape = scrape();
        assertFalse(scrape.contains("DOJOX"), "an invented method never becomes a label value");
        assertEquals(20.0, value(scrape, "dojo_gateway_requests_seconds_count{", "method=\"CUSTOM\"",
                "uri=\"/users/**\""));
    }

    @Test
    void aTrippedBreakerIsOpenInTheScrape() throws Exception {
        assertEquals(200, get(server.getPort(), "/exercises", "*/*").statusCode());
        String scrape = scrape();
        assertEquals(1.0, value(scrape, "resilience4j_circuitbreaker_state{", "name=\"eval\"", "state=\"closed\""));
        assertEquals(0.0, value(scrape, "resilience4j_circuitbreaker_state{", "name=\"eval\"", "state=\"open\""));
        assertEquals(1.0, value(scrape, "resilience4j_circuitbreaker_buffered_calls{", "name=\"eval\"",
                "kind=\"successful\""));

        eval.close();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refused = get(server.getPort(), "/exercises", "*/*");
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Retry-After").isEmpty(), "a real call failed: " + i);
        }
        HttpResponse<String> open = get(server.getPort(), "/exercises", "*/*");
        assertEquals(503, open.statusCode());
        assertTrue(open.headers().firstValue("Retry-After").isPresent(), "answered by the open circuit");

        scrape = scrape();
        assertEquals(1.0, value(scrape, "resilience4j_circuitbreaker_state{", "name=\"eval\"", "state=\"open\""));
        assertEquals(0.0, value(scrape, "resilience4j_circuitbreaker_state{", "name=\"eval\"", "state=\"closed\""));
        assertEquals(1.0, value(scrape, "resilience4j_circuitbreaker_state{", "name=\"users\"", "state=\"closed\""));
        assertEquals(2.0, value(scrape, "resilience4j_circuitbreaker_buffered_calls{", "name=\"eval\"",
                "kind=\"failed\""));
        assertEquals(100.0, value(scrape, "resilience4j_circuitbreaker_failure_rate{", "name=\"eval\""));
        // each proxied call is timed once, by the gateway timer: resilience4j's per-call timer is left out
        assertFalse(scrape.contains("resilience4j_circuitbreaker_calls"), "no second timer per call");
        assertEquals(1.0, value(scrape, "resilience4j_circuitbreaker_not_permitted_calls_total{", "name=\"eval\""));
        // each refused request timed once, under its route and the status the caller got
        assertEquals(3.0, value(scrape, "dojo_gateway_requests_seconds_count{", "uri=\"/exercises/**\"",
                "status=\"503\""));
    }

    /** What the edge refuses before any route sees it is still counted, by status and reason, never by the bytes. */
    @Test
    void refusalsAtTheEdgeAreCounted() throws Exception {
        for (String head : List.of("get /ping HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /ping HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\r\nAuthorization: Bearer b\r\n\r\n")) {
            assertTrue(Http.raw("127.0.0.1", server.getPort(), head).startsWith("HTTP/1.1 400 "), head);
        }
        String oversized = "GET /ping HTTP/1.1\r\nHost: x\r\nX-A: " + "a".repeat(20_000) + "\r\n\r\n";
        assertTrue(Http.raw("127.0.0.1", server.getPort(), oversized).startsWith("HTTP/1.1 431 "));
        String scrape = scrape();
        assertEquals(2.0, value(scrape, "dojo_edge_refusals_total{", "reason=\"malformed-request\"",
                "status=\"400\"", "service=\"main\""));
        assertEquals(1.0, value(scrape, "dojo_edge_refusals_total{", "reason=\"request-headers-too-large\"",
                "status=\"431\""));
        assertFalse(scrape.contains("aaaa") || scrape.contains("Bearer"), "nothing the caller sent is a label");
    }

    private String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = get(managementPort, "/prometheus", "*/*");
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** The value of the one sample whose line starts with {@code metric} and holds every label given. */
    private static double value(String scrape, String metric, String... labels) {
        List<String> lines = scrape.lines()
                .filter(line -> line.startsWith(metric))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .toList();
        assertEquals(1, lines.size(), metric + " " + String.join(",", labels) + " in\n" + scrape);
        String line = lines.get(0);
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private HttpResponse<String> get(int port, String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }
}
