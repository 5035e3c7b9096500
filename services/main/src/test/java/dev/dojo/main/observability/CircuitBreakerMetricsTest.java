package dev.dojo.main.observability;

import dev.dojo.main.FakeService;
import dev.dojo.main.Http;
import dev.dojo.testing.FreePort;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A route's circuit breaker in main's metrics (resilience4j's Micrometer binder), read from the management port's
 * /prometheus: closed while the stand-in answers, open once it is gone and two calls failed, refused calls counted.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CircuitBreakerMetricsTest implements TestPropertyProvider {

    private final FakeService users = FakeService.start("users");
    private final int managementPort = FreePort.next();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "endpoints.all.port", Integer.toString(managementPort),
                "micronaut.http.services.users.url", users.url(),
                "micronaut.http.services.eval.url", users.url(),
                "micronaut.http.services.swapper.url", users.url(),
                "dojo.gateway.circuit-breaker.failure-threshold", "2",
                "dojo.gateway.circuit-breaker.open-for", "10m");
    }

    @Test
    void aTrippedBreakerIsOpenInTheScrape() {
        String edge = "http://127.0.0.1:" + server.getPort();
        assertEquals(200, Http.get(edge, "/ping").statusCode());
        String scrape = scrape();
        assertEquals(1.0, value(scrape, "resilience4j_circuitbreaker_state{", "name=\"users\"", "state=\"closed\""));
        assertEquals(0.0, value(scrape, "resilience4j_circuitbreaker_state{", "name=\"users\"", "state=\"open\""));
        assertEquals(1.0, value(scrape, "resilience4j_circuitbreaker_calls_seconds_count{", "name=\"users\"",
                "kind=\"successful\""));

        users.close();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refused = Http.get(edge, "/ping");
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Retry-After").isEmpty(), "a real call failed: " + i);
        }
        HttpResponse<String> open = Http.get(edge, "/ping");
        assertEquals(503, open.statusCode());
        assertTrue(open.headers().firstValue("Retry-After").isPresent(), "answered by the open circuit");

        scrape = scrape();
        assertEquals(1.0, value(scrape, "resilience4j_circuitbreaker_state{", "name=\"users\"", "state=\"open\""));
        assertEquals(0.0, value(scrape, "resilience4j_circuitbreaker_state{", "name=\"users\"", "state=\"closed\""));
        assertEquals(1.0, value(scrape, "resilience4j_circuitbreaker_state{", "name=\"eval\"", "state=\"closed\""));
        assertEquals(2.0, value(scrape, "resilience4j_circuitbreaker_calls_seconds_count{", "name=\"users\"",
                "kind=\"failed\""));
        assertEquals(1.0, value(scrape, "resilience4j_circuitbreaker_not_permitted_calls_total{", "name=\"users\""));
    }

    private String scrape() {
        HttpResponse<String> response = Http.get("http://127.0.0.1:" + managementPort, "/prometheus");
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
}
