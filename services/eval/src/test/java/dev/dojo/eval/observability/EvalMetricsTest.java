package dev.dojo.eval.observability;

import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.testing.PrometheusText;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static dev.dojo.testing.PrometheusText.value;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** eval's /prometheus after real gradings: grading, sandbox, HTTP, database pool and JVM metrics. */
@MicronautTest
class EvalMetricsTest extends ApiTestBase {

    @Test
    void gradingsShowUpAsVerdictsSandboxTimesAndRouteLatencies() throws Exception {
        // creating the exercise grades its reference solution once: count from here
        long sum = createSumExercise();
        String before = scrape();
        assertEquals(201, submit(sum, SUM, 300).status());
        assertEquals(201, submit(sum, "def sum(x, y):\n    return x * y\n", 300).status());
        String text = scrape();

        assertEquals(1.0, value(text, "dojo_grading_verdicts_total{", "verdict=\"passed\"")
                - value(before, "dojo_grading_verdicts_total{", "verdict=\"passed\""), 0.0);
        assertEquals(1.0, value(text, "dojo_grading_verdicts_total{", "verdict=\"failed\""), 0.0);
        assertEquals(1.0, value(text, "dojo_sandbox_run_seconds_count{", "verdict=\"failed\""), 0.0);
        assertEquals(1.0, value(text, "dojo_sandbox_run_seconds_bucket{", "verdict=\"failed\"", "le=\"+Inf\""),
                0.0);
        assertEquals(PrometheusText.LATENCY_BOUNDS, PrometheusText.bounds(text, "dojo_sandbox_run_seconds",
                "verdict=\"failed\""), "a histogram in the shared buckets, not just a count");
        assertEquals(0.0, value(text, "dojo_grading_in_flight{"), 0.0);
        assertEquals(0.0, value(text, "dojo_grading_queue_waiting{"), 0.0);
        // refusals by reason are exported from the start, before any refusal
        assertEquals(0.0, value(text, "dojo_grading_refusals_total{", "reason=\"busy\""), 0.0);
        assertEquals(0.0, value(text, "dojo_grading_refusals_total{", "reason=\"unavailable\""), 0.0);
        assertEquals(2.0, value(text, "http_server_requests_seconds_count{", "uri=\"/submissions\"",
                "status=\"201\"", "method=\"POST\""), 0.0);
        assertTrue(value(text, "http_server_requests_seconds_bucket{", "uri=\"/submissions\"", "status=\"201\"",
                "le=\"+Inf\"") == 2.0, "latency histogram per route and status");
        assertTrue(value(text, "hikaricp_connections_max{") > 0, "the database pool");
        assertTrue(value(text, "jvm_memory_used_bytes{", "area=\"heap\"") > 0, "the JVM");
        assertTrue(text.contains("service=\"eval\""), "every series names its service");
    }

    private String scrape() throws Exception {
        return PrometheusText.scrape(URI.create(server.getURL() + "/prometheus"));
    }
}
