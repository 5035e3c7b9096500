package dev.dojo.main.observability;

import dev.dojo.main.AgainstOneFakeService;
import dev.dojo.testing.FreePort;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code DOJO_METRICS_ENABLED=false} (the switch in application.yml, given here under the environment variable's own
 * name): no meter registry, no gateway timer, no /prometheus on either port, and main still proxies. The switch on
 * (the default) is {@link ManagementPortTest}: metrics on the management port only.
 */
@MicronautTest
class MetricsDisabledTest extends AgainstOneFakeService {

    private final int managementPort = FreePort.next();
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    ApplicationContext context;

    @Override
    protected String[] settings() {
        return new String[] {"DOJO_METRICS_ENABLED", "false", "endpoints.all.port", Integer.toString(managementPort)};
    }

    @Test
    void noMeterIsKeptAndNoPortServesPrometheus() throws Exception {
        assertEquals(200, get(server.getPort(), "/ping").statusCode(), "main still proxies");

        assertFalse(context.getProperty("micronaut.metrics.enabled", Boolean.class).orElseThrow());
        assertTrue(context.findBean(MeterRegistry.class).isEmpty(), "a meter registry");
        assertTrue(context.findBean(GatewayTimers.class).isEmpty(), "the gateway timer");
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
