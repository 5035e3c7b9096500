package dev.dojo.main.observability;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.tracing.opentelemetry.OpenTelemetryPropagationContext;
import io.micronaut.tracing.opentelemetry.instrument.util.OpenTelemetryExclusionsConfiguration;
import io.micronaut.web.router.RouteAttributes;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.function.Predicate;

/**
 * main's server span, made only for the requests whose trace is kept ({@link HeadSampling}) — by micronaut-tracing's
 * own instrumenter, so the span (name, attributes, parent, status) is the library's. The library's reactive filter
 * runs the instrumenter for every request, kept or not: it extracts the span's attributes before the sampler
 * decides, and the unsampled span still passes every listener. At 10 % sampling that work is thrown away for nine
 * requests in ten, on the one path every request of the platform takes (ADR 0070, docs/performance.md). A request
 * whose trace is not kept is served in the unsampled context {@link HeadSampling} gives, so its log lines and the
 * {@code traceparent} main passes on are what the SDK would have made. The library's filter is pointed at a path
 * no route has ({@code tracing.http.server.path} in application.yml); {@link EdgeObservationFilter} calls this.
 */
@Singleton
@Requires(beans = OpenTelemetry.class)
public class EdgeSpans {

    private final Instrumenter<HttpRequest<?>, Object> instrumenter;
    private final HeadSampling sampling;
    private final Predicate<String> excluded;

    public EdgeSpans(
            @Named("micronautHttpServerTelemetryInstrumenter") Instrumenter<HttpRequest<?>, Object> instrumenter,
            HeadSampling sampling, @Nullable OpenTelemetryExclusionsConfiguration exclusions) {
        this.instrumenter = instrumenter;
        this.sampling = sampling;
        Predicate<String> test = exclusions == null ? null : exclusions.exclusionTest();
        this.excluded = test == null ? path -> false : test;
    }

    /**
     * Serves {@code request} in its trace context (added to {@code propagated}) and returns it: the context of its
     * new server span when the trace is kept, else the unsampled one; null for the paths {@code otel.exclusions}
     * leaves untraced.
     */
    @Nullable
    EdgeTrace start(HttpRequest<?> request, MutablePropagatedContext propagated) {
        if (excluded.test(request.getPath())) {
            return null;
        }
        Context current = Context.current();
        Context unsampled = sampling.unsampled(current, request);
        if (unsampled != null) {
            propagated.add(new OpenTelemetryPropagationContext(unsampled));
            return new EdgeTrace(unsampled, false);
        }
        if (!instrumenter.shouldStart(current, request)) {
            return null;
        }
        Context span = instrumenter.start(current, request);
        propagated.add(new OpenTelemetryPropagationContext(span));
        return new EdgeTrace(span, true);
    }

    /** Ends the server span of a kept trace; nothing for an unsampled one. */
    void end(EdgeTrace trace, HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (trace.span()) {
            instrumenter.end(trace.context(), request, response, RouteAttributes.getException(response).orElse(null));
        }
    }

    /** A request's trace context at the edge; {@code span}: it holds a server span main made and must end. */
    record EdgeTrace(Context context, boolean span) {

        /** The trace id (32 hex digits) the request's log lines and its {@code traceparent} carry. */
        String traceId() {
            return Span.fromContext(context).getSpanContext().getTraceId();
        }

        /** The same trace once its span is ended: ending it again is a no-op. */
        EdgeTrace withoutSpan() {
            return new EdgeTrace(context, false);
        }
    }
}
