package dev.dojo.eval.grading;

import dev.dojo.eval.sandbox.SandboxBusyException;
import dev.dojo.testing.tracing.EndedSpans;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grading spans as OpenTelemetry's SDK ends them (what an exporter would send): a {@code grade} span per
 * submission and, inside it, a {@code sandbox run} span carrying the verdict; both ended on every path, errors
 * marked, a refusal named; and the sandbox run's recorded time is the run's own.
 */
class GradingSpansTest {

    private final EndedSpans spans = new EndedSpans();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder().addSpanProcessor(spans).build();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GradingTelemetry telemetry = new GradingTelemetry(registry,
            OpenTelemetrySdk.builder().setTracerProvider(tracing).build(), new GradingQueue(GradingTelemetryTest.settings()));

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void aGradedSubmissionEndsBothSpansWithItsVerdict() {
        GradingTelemetry.Grading grading = telemetry.start("python");
        long before = System.nanoTime();
        grading.within(() -> grading.sandbox(() -> sleep(20)));
        long elapsed = System.nanoTime() - before;
        grading.graded(Verdict.failed);

        SpanData sandbox = span("sandbox run");
        SpanData grade = span("grade");
        assertEquals(grade.getSpanId(), sandbox.getParentSpanId(), "the sandbox run nests in the grade span");
        assertEquals("failed", sandbox.getAttributes().get(GradingTelemetry.VERDICT));
        assertEquals("python", sandbox.getAttributes().get(GradingTelemetry.LANGUAGE));
        assertEquals("failed", grade.getAttributes().get(GradingTelemetry.VERDICT));
        assertEquals(StatusCode.UNSET, grade.getStatus().getStatusCode());
        assertTrue(sandbox.getEndEpochNanos() <= grade.getEndEpochNanos());

        double recorded = registry.get("dojo.sandbox.run").tag("verdict", "failed").timer()
                .totalTime(TimeUnit.NANOSECONDS);
        assertTrue(recorded >= TimeUnit.MILLISECONDS.toNanos(20) && recorded <= elapsed,
                "the run's own time: " + recorded + " ns of " + elapsed);
    }

    @Test
    void aRunThatFailsEndsBothSpansAsErrors() {
        GradingTelemetry.Grading grading = telemetry.start("python");
        IllegalStateException failure = new IllegalStateException("sandbox broke");
        try {
            grading.within(() -> grading.sandbox(() -> {
                throw failure;
            }));
        } catch (IllegalStateException e) {
            grading.failed(e);
        }

        for (String name : new String[] {"sandbox run", "grade"}) {
            SpanData span = span(name);
            assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode(), name);
            assertEquals("exception", span.getEvents().get(0).getName(), name + " records the exception");
            assertNull(span.getAttributes().get(GradingTelemetry.REFUSED), name + ": a failure, not a refusal");
        }
    }

    @Test
    void aRefusalBeforeTheSandboxEndsTheGradeSpanNamingTheReason() {
        telemetry.start("python").failed(new SandboxBusyException());

        assertEquals(1, spans.count(), "no sandbox run span");
        SpanData grade = span("grade");
        assertEquals("busy", grade.getAttributes().get(GradingTelemetry.REFUSED));
        assertEquals(StatusCode.ERROR, grade.getStatus().getStatusCode());
        assertFalse(Span.current().getSpanContext().isValid(), "nothing left current");
    }

    private SpanData span(String name) {
        return spans.all().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no ended span \"" + name + "\" among " + spans.all()));
    }

    private static String sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "ran";
    }
}
