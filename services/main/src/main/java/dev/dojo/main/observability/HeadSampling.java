package dev.dojo.main.observability;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The edge's sampling decision, taken from the request's headers before any span work: OpenTelemetry's own
 * {@code parentbased_traceidratio} sampler — a caller's sampling flag is followed, a new trace is kept with
 * probability {@code dojo.tracing.sample-ratio} (env {@code OTEL_TRACES_SAMPLER_ARG}) by its trace id, as the SDK
 * would decide it. A trace that is not kept still gets what the SDK would have given it: the caller's trace id (or
 * a new one), a span id of main's own, the unsampled flag and the caller's {@code tracestate}, so the services
 * follow main's decision and every log line carries the trace id (ADR 0070).
 */
@Singleton
@Requires(beans = OpenTelemetry.class)
public class HeadSampling {

    private static final TextMapGetter<HttpRequest<?>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpRequest<?> request) {
            return request.getHeaders().names();
        }

        @Override
        public String get(@Nullable HttpRequest<?> request, String name) {
            return request == null ? null : request.getHeaders().get(name);
        }
    };

    private final TextMapPropagator propagator;
    private final Sampler sampler;
    private final IdGenerator ids = IdGenerator.random();

    public HeadSampling(OpenTelemetry openTelemetry,
                        @Property(name = "dojo.tracing.sample-ratio", defaultValue = "1.0") double ratio) {
        if (!(ratio >= 0.0 && ratio <= 1.0)) {
            throw new ConfigurationException("dojo.tracing.sample-ratio (OTEL_TRACES_SAMPLER_ARG) must be within "
                    + "0.0 and 1.0, not " + ratio);
        }
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.sampler = Sampler.parentBased(Sampler.traceIdRatioBased(ratio));
    }

    /**
     * The trace context {@code request} is served in when its trace is not kept, under {@code current}; null when
     * it is kept, and its server span is to be made.
     */
    @Nullable
    Context unsampled(Context current, HttpRequest<?> request) {
        Context parent = propagator.extract(current, request, HEADERS);
        SpanContext caller = Span.fromContext(parent).getSpanContext();
        String traceId = caller.isValid() ? caller.getTraceId() : ids.generateTraceId();
        SamplingDecision decision = sampler.shouldSample(parent, traceId, "", SpanKind.SERVER, Attributes.empty(),
                List.of()).getDecision();
        if (decision != SamplingDecision.DROP) {
            return null;
        }
        TraceState state = caller.isValid() ? caller.getTraceState() : TraceState.getDefault();
        return parent.with(Span.wrap(SpanContext.create(traceId, ids.generateSpanId(), TraceFlags.getDefault(),
                state)));
    }
}
