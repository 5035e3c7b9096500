package dev.dojo.eval.grading;

import dev.dojo.eval.testing.Api;
import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.eval.testing.EvalProperties;
import dev.dojo.testing.Eventually;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With its one sandbox slot taken and no room to wait, eval refuses a submission as busy (503) — and counts it, by
 * reason, where an operator's alert looks ({@code dojo_grading_refusals_total{reason="busy"}}).
 */
@MicronautTest
class BusyRefusalTest extends ApiTestBase {

    @Inject
    MeterRegistry registry;

    @Override
    public Map<String, String> getProperties() {
        return EvalProperties.of("dojo.sandbox.slots", "1", "dojo.sandbox.queue", "0");
    }

    @Test
    void aSubmissionRefusedAsBusyIsCountedAsABusyRefusal() {
        long sum = createSumExercise();
        double busyBefore = refusals("busy");
        // holds the one slot until the wall limit ends it, without using CPU
        CompletableFuture<Api.Reply> holding = CompletableFuture.supplyAsync(
                () -> submit(sum, "import time\nwhile True:\n    time.sleep(1)\n", 7));
        Eventually.until("the holding program is in the sandbox",
                () -> registry.get("dojo.grading.in.flight").gauge().value() == 1.0);

        Api.Reply refused = submit(sum, SUM, 8);
        assertEquals(503, refused.status(), String.valueOf(refused.body()));
        assertEquals(busyBefore + 1, refusals("busy"));
        assertEquals(0.0, refusals("unavailable"));

        assertEquals("timeout", holding.join().data().get("verdict"));
    }

    private double refusals(String reason) {
        return registry.get("dojo.grading.refusals").tag("reason", reason).counter().count();
    }
}
