package dev.dojo.eval.observability;

import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.eval.testing.EvalProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code DOJO_METRICS_ENABLED=false} and {@code DOJO_TRACING_ENABLED=false}: eval grades as usual with no meter
 * registry and no OpenTelemetry (its grading telemetry keeps nothing and makes no span) and answers no /prometheus.
 * The switches on are {@link EvalMetricsTest} and the traced platform test (launcher ObservedPlatformIT).
 */
@MicronautTest
class EvalObservabilityOffTest extends ApiTestBase {

    @Override
    public Map<String, String> getProperties() {
        return EvalProperties.of("DOJO_METRICS_ENABLED", "false", "DOJO_TRACING_ENABLED", "false");
    }

    @Test
    void gradesWithoutMetricsOrTracesAndServesNoPrometheus() throws Exception {
        assertTrue(server.getApplicationContext().findBean(MeterRegistry.class).isEmpty(), "a meter registry");
        assertTrue(server.getApplicationContext().findBean(OpenTelemetry.class).isEmpty(), "an OpenTelemetry");
        long sum = createSumExercise();
        assertEquals(201, submit(sum, "def sum(x, y):\n    return x * y\n", 300).status());

        HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        // 404, or 401: security answers an anonymous caller on a path it does not know
        assertTrue(scrape.statusCode() == 404 || scrape.statusCode() == 401, scrape.statusCode() + " " + scrape.body());
        assertFalse(scrape.body().contains("dojo_grading"), scrape.body());
    }
}
