package dev.dojo.main.observability;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The edge's sampling decision on its own: the share kept, the caller's flag followed, the ratio checked. */
class HeadSamplingTest {

    private static final OpenTelemetry W3C = OpenTelemetry.propagating(
            ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @Test
    void aboutTheRatioOfNewTracesIsKeptEachWithItsOwnTraceId() {
        HeadSampling half = new HeadSampling(W3C, 0.5);
        int kept = 0;
        Set<String> traces = new HashSet<>();
        for (int i = 0; i < 4000; i++) {
            Context unsampled = half.unsampled(Context.root(), HttpRequest.GET("/ping"));
            if (unsampled == null) {
                kept++;
            } else {
                traces.add(Span.fromContext(unsampled).getSpanContext().getTraceId());
            }
        }
        // binomial(4000, 0.5): 2000 ± 32 (one standard deviation); the bounds are six of them away
        assertTrue(kept > 1800 && kept < 2200, kept + " of 4000 kept");
        assertEquals(4000 - kept, traces.size(), "a new trace id for every request");
    }

    @Test
    void ratioOneKeepsEveryNewTraceAndZeroNone() {
        HeadSampling all = new HeadSampling(W3C, 1.0);
        HeadSampling none = new HeadSampling(W3C, 0.0);
        for (int i = 0; i < 200; i++) {
            assertNull(all.unsampled(Context.root(), HttpRequest.GET("/ping")));
            assertNotNull(none.unsampled(Context.root(), HttpRequest.GET("/ping")));
        }
    }

    @Test
    void theCallersFlagDecidesWhateverTheRatio() {
        for (double ratio : new double[] {0.0, 0.5, 1.0}) {
            HeadSampling sampling = new HeadSampling(W3C, ratio);
            for (int i = 0; i < 50; i++) {
                assertNull(sampling.unsampled(Context.root(), caller("01", null)), ratio + ": sampled caller");
                Context unsampled = sampling.unsampled(Context.root(), caller("00", "vendor=abc"));
                assertNotNull(unsampled, ratio + ": unsampled caller");
                SpanContext span = Span.fromContext(unsampled).getSpanContext();
                assertEquals(TRACE, span.getTraceId());
                assertNotEquals(CALLER_SPAN, span.getSpanId());
                assertTrue(span.isValid());
                assertFalse(span.isSampled());
                assertFalse(span.isRemote(), "main's own span context, not the caller's");
                assertEquals("abc", span.getTraceState().get("vendor"));
            }
        }
    }

    @Test
    void aRatioOutsideZeroToOneIsRefusedAtStart() {
        for (double ratio : new double[] {-0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            ConfigurationException refused = assertThrows(ConfigurationException.class,
                    () -> new HeadSampling(W3C, ratio));
            assertTrue(refused.getMessage().contains("OTEL_TRACES_SAMPLER_ARG"), refused.getMessage());
        }
    }

    private static MutableHttpRequest<?> caller(String flags, String tracestate) {
        MutableHttpRequest<?> request = HttpRequest.GET("/ping")
                .header("traceparent", "00-" + TRACE + "-" + CALLER_SPAN + "-" + flags);
        return tracestate == null ? request : request.header("tracestate", tracestate);
    }
}
