package dev.dojo.eval.grading;

import dev.dojo.eval.sandbox.SandboxBusyException;
import dev.dojo.eval.sandbox.SandboxUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Metrics and trace spans of grading (docs/observability.md), kept out of {@link Grader}'s logic: queue depth and
 * runs in flight (gauges), verdicts and refusals by reason (counters), sandbox run time (histogram), and per
 * submission a {@code grade} span with the sandbox run as its own child span carrying the verdict.
 */
@Singleton
public class GradingTelemetry {

    static final AttributeKey<String> VERDICT = AttributeKey.stringKey("dojo.verdict");
    static final AttributeKey<String> LANGUAGE = AttributeKey.stringKey("dojo.language");
    static final AttributeKey<String> REFUSED = AttributeKey.stringKey("dojo.refused");

    private static final List<String> REASONS = List.of("busy", "unavailable");

    private final MeterRegistry registry;
    private final Tracer tracer;
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * {@code registry} is absent with DOJO_METRICS_ENABLED=false: then an empty composite, which keeps nothing;
     * {@code openTelemetry} with DOJO_TRACING_ENABLED=false: then OpenTelemetry's no-op tracer.
     */
    public GradingTelemetry(@Nullable MeterRegistry registry, @Nullable OpenTelemetry openTelemetry,
                            GradingQueue queue) {
        this.registry = registry != null ? registry : new CompositeMeterRegistry();
        this.tracer = (openTelemetry != null ? openTelemetry : OpenTelemetry.noop()).getTracer("dev.dojo.eval.grading");
        Gauge.builder("dojo.grading.queue.waiting", queue, GradingQueue::waiting)
                .description("Submissions waiting for a sandbox slot").register(this.registry);
        Gauge.builder("dojo.grading.in.flight", inFlight, AtomicInteger::get)
                .description("Sandbox runs in progress").register(this.registry);
        // both reasons are exported from the start (at 0), so an alert on their rate needs no first refusal
        REASONS.forEach(this::refusals);
    }

    private Counter refusals(String reason) {
        return Counter.builder("dojo.grading.refusals").description("Submissions refused before grading, by reason")
                .tag("reason", reason).register(registry);
    }

    /** Starts observing one grading; the caller ends it with {@link Grading#graded} or {@link Grading#failed}. */
    public Grading start(String language) {
        Span span = tracer.spanBuilder("grade").setAttribute(LANGUAGE, language).startSpan();
        return new Grading(language, span);
    }

    /** One submission's grading: the span around it and the sandbox run inside. */
    public final class Grading {

        private final String language;
        private final Span grade;
        private Span sandbox;
        private Instant sandboxEnded;
        private long sandboxNanos = -1;

        private Grading(String language, Span grade) {
            this.language = language;
            this.grade = grade;
        }

        /** Runs the sandbox (already holding a slot) inside its own span, counted as in flight. */
        public <T> T sandbox(Supplier<T> run) {
            sandbox = tracer.spanBuilder("sandbox run").setParent(Context.current().with(grade))
                    .setAttribute(LANGUAGE, language).startSpan();
            inFlight.incrementAndGet();
            long began = System.nanoTime();
            try (Scope ignored = sandbox.makeCurrent()) {
                return run.get();
            } finally {
                sandboxNanos = System.nanoTime() - began;
                sandboxEnded = Instant.now();
                inFlight.decrementAndGet();
            }
        }

        /** Runs {@code work} with the grade span current, so the sandbox span (and anything else) nests under it. */
        public <T> T within(Supplier<T> work) {
            try (Scope ignored = grade.makeCurrent()) {
                return work.get();
            }
        }

        public void graded(Verdict verdict) {
            String name = verdict.name();
            Counter.builder("dojo.grading.verdicts").description("Graded submissions by verdict")
                    .tag("verdict", name).tag("language", language).register(registry).increment();
            if (sandboxNanos >= 0) {
                Timer.builder("dojo.sandbox.run").description("Wall time of one sandbox run")
                        .tag("verdict", name).tag("language", language)
                        .publishPercentileHistogram() // in the shared buckets (libs/common LatencyBuckets)
                        .register(registry).record(Duration.ofNanos(sandboxNanos));
            }
            if (sandbox != null) {
                sandbox.setAttribute(VERDICT, name);
                sandbox.end(sandboxEnded);
            }
            grade.setAttribute(VERDICT, name);
            grade.end();
        }

        public void failed(RuntimeException failure) {
            String reason = failure instanceof SandboxBusyException ? "busy"
                    : failure instanceof SandboxUnavailableException ? "unavailable" : null;
            if (reason != null) {
                refusals(reason).increment();
                grade.setAttribute(REFUSED, reason);
            }
            if (sandbox != null) {
                sandbox.recordException(failure);
                sandbox.setStatus(StatusCode.ERROR);
                sandbox.end(sandboxEnded);
            }
            grade.recordException(failure);
            grade.setStatus(StatusCode.ERROR);
            grade.end();
        }
    }
}
