package dev.dojo.main.proxy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MutableHttpHeaders;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.inject.Singleton;

/**
 * Passes main's trace on to the service a request is proxied to: the W3C {@code traceparent} of the request's
 * server span (and its {@code tracestate}, when it has one) replaces what the caller sent, so the service's spans
 * nest in main's. Micronaut's client tracing filter would do this too, but with a client span per proxied call —
 * twice the spans, and attributes extracted for every call, sampled or not (ADR 0038, docs/performance.md); that
 * filter is kept for main's own calls (application.yml, {@code tracing.http.client.path}) and the proxied call is
 * covered by the server span. With tracing off ({@code DOJO_TRACING_ENABLED=false}: no OpenTelemetry at all) main
 * is transparent: the caller's headers pass unchanged.
 */
@Singleton
public class TraceForwarding {

    private static final TextMapSetter<MutableHttpHeaders> HEADERS = (headers, name, value) -> {
        if (headers != null) {
            headers.set(name, value);
        }
    };

    private final TextMapPropagator propagator;

    public TraceForwarding(@Nullable OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry == null ? TextMapPropagator.noop()
                : openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * Sets the current trace context on the outgoing request's headers. The caller's own fields go first: a
     * {@code tracestate} belongs to the caller's {@code traceparent}, and where main started a new trace (no
     * parent, or a malformed one) it must not travel on beside main's.
     */
    void into(MutableHttpHeaders headers) {
        propagator.fields().forEach(headers::remove);
        propagator.inject(Context.current(), headers, HEADERS);
    }
}
