package dev.dojo.main.observability;

import dev.dojo.main.ServiceRoutes;
import dev.dojo.main.FakeService;
import dev.dojo.testing.FreePort;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code DOJO_METRICS_ENABLED=false} (the switch in application.yml, given here under the environment variable's own
 * name): no meter registry, no gateway timer, no /prometheus on either port, and main still proxies. The switch on
 * (the default) is {@link ManagementPortTest}: metrics on the management port only.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsDisabledTest implements TestPropertyProvider {

    private final FakeService services = FakeService.start("all");
    private final int managementPort = FreePort.next();
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        return ServiceRoutes.allTo(services.url(),
                "DOJO_METRICS_ENABLED", "false",
                "endpoints.all.port", Integer.toString(managementPort));
    }

    @AfterAll
    void stopFake() {
        services.close();
    }

    @Test
    void noMeterIsKeptAndNoPortServesPrometheus() throws Exception {
        assertEquals(200, get(server.getPort(), "/ping").statusCode(), "main still proxies");

        assertFalse(context.getProperty("micronaut.metrics.enabled", Boolean.class).orElseThrow());
        assertTrue(context.findBean(MeterRegistry.class).isEmpty(), "a meter registry");
        assertTrue(context.findBean(GatewayMetricsFilter.class).isEmpty(), "the gateway timer");
        for (int port : new int[] {managementPort, server.getPort()}) {
            HttpResponse<String> scrape = get(port, "/prometheus");
            assertFalse(scrape.statusCode() == 200, port + ": " + scrape.body());
            assertFalse(scrape.body().contains("jvm_") || scrape.body().contains("http_server_requests"),
                    port + ": " + scrape.body());
        }
        assertEquals(200, get(managementPort, "/health").statusCode(), "the management port itself is up");
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
