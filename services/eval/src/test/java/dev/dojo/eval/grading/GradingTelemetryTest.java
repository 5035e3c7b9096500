package dev.dojo.eval.grading;

import dev.dojo.eval.sandbox.SandboxBusyException;
import dev.dojo.eval.sandbox.SandboxSettings;
import dev.dojo.eval.sandbox.SandboxUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GradingTelemetryTest {

    @Test
    void refusalsAreCountedByReasonAndOtherFailuresAreNot() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GradingTelemetry telemetry = new GradingTelemetry(registry, OpenTelemetry.noop(), new GradingQueue(settings()));

        telemetry.start("python").failed(new SandboxBusyException());
        telemetry.start("python").failed(new SandboxBusyException());
        telemetry.start("python").failed(new SandboxUnavailableException("no bwrap"));
        telemetry.start("python").failed(new IllegalStateException("a bug"));

        assertEquals(2.0, registry.get("dojo.grading.refusals").tag("reason", "busy").counter().count());
        assertEquals(1.0, registry.get("dojo.grading.refusals").tag("reason", "unavailable").counter().count());
        assertEquals(2, registry.get("dojo.grading.refusals").counters().size());
    }

    @Test
    void aRunIsInFlightOnlyWhileItRunsAndItsTimeIsRecordedWithTheVerdict() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GradingTelemetry telemetry = new GradingTelemetry(registry, OpenTelemetry.noop(), new GradingQueue(settings()));
        GradingTelemetry.Grading grading = telemetry.start("python");

        double during = grading.sandbox(() -> registry.get("dojo.grading.in.flight").gauge().value());
        grading.graded(Verdict.timeout);

        assertEquals(1.0, during);
        assertEquals(0.0, registry.get("dojo.grading.in.flight").gauge().value());
        assertEquals(1, registry.get("dojo.sandbox.run").tag("verdict", "timeout").timer().count());
        assertEquals(1.0, registry.get("dojo.grading.verdicts").tag("verdict", "timeout").counter().count());
    }

    @Test
    void bothRefusalReasonsAreExportedBeforeAnyRefusal() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new GradingTelemetry(registry, OpenTelemetry.noop(), new GradingQueue(settings()));

        assertEquals(0.0, registry.get("dojo.grading.refusals").tag("reason", "busy").counter().count());
        assertEquals(0.0, registry.get("dojo.grading.refusals").tag("reason", "unavailable").counter().count());
    }

    @Test
    void withoutARegistryGradingIsObservedByTracesOnly() {
        // DOJO_METRICS_ENABLED=false: no MeterRegistry bean
        GradingTelemetry telemetry = new GradingTelemetry(null, OpenTelemetry.noop(), new GradingQueue(settings()));
        GradingTelemetry.Grading grading = telemetry.start("python");

        assertEquals("ran", grading.sandbox(() -> "ran"));
        grading.graded(Verdict.passed);
        telemetry.start("python").failed(new SandboxBusyException());
    }

    /** One slot, a line of one: the queue the telemetry's gauges read (also GradingSpansTest's). */
    static SandboxSettings settings() {
        return new SandboxSettings("b", "p", "s", "sh", 65534, "required", 1, 1, Duration.ofSeconds(1), 2);
    }
}
