package dev.dojo.eval.observability;

import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.eval.testing.EvalProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
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
 * {@code DOJO_METRICS_ENABLED=false}: eval grades as usual with no meter registry (its grading telemetry keeps
 * nothing) and answers no /prometheus. The switch on is {@link EvalMetricsTest}.
 */
@MicronautTest
class EvalMetricsDisabledTest extends ApiTestBase {

    @Override
    public Map<String, String> getProperties() {
        return EvalProperties.of("DOJO_METRICS_ENABLED", "false");
    }

    @Test
    void gradesWithoutMetricsAndServesNoPrometheus() throws Exception {
        assertTrue(server.getApplicationContext().findBean(MeterRegistry.class).isEmpty(), "a meter registry");
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
