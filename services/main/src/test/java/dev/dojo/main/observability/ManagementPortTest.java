package dev.dojo.main.observability;

import dev.dojo.main.FakeService;
import dev.dojo.testing.FreePort;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * main's metrics are on its management port only: the public port never answers /prometheus, the management
 * port answers it with per-route server latencies and main's downstream calls. This is the default,
 * {@code DOJO_METRICS_ENABLED=true}; {@link MetricsDisabledTest} is the switch off.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementPortTest implements TestPropertyProvider {

    private final FakeService services = FakeService.start("all");
    private final int managementPort = FreePort.next();
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "endpoints.all.port", Integer.toString(managementPort),
                "dojo.routes.users.url", services.url(),
                "dojo.routes.eval.url", services.url(),
                "dojo.routes.swapper.url", services.url());
    }

    @AfterAll
    void stopFake() {
        services.close();
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
        assertTrue(text.lines().anyMatch(l -> l.startsWith("http_client_requests_seconds_count{")
                && l.contains("uri=\"/ping/**\"")), "main's calls to the services, per route");
        assertTrue(text.lines().anyMatch(l -> l.startsWith("http_client_requests_seconds_bucket{")
                && l.contains("uri=\"/ping/**\"")), "main's calls to the services: a histogram");
        assertTrue(text.lines().anyMatch(l -> l.startsWith("jvm_memory_used_bytes{")), "the JVM");
        assertTrue(text.contains("service=\"main\""));
    }

    private HttpResponse<String> get(int port, String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }
}
