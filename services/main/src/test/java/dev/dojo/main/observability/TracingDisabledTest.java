package dev.dojo.main.observability;

import dev.dojo.main.AgainstOneFakeService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code DOJO_TRACING_ENABLED=false} (the switch in application.yml, under the environment variable's own name): no
 * OpenTelemetry in main at all, and main is transparent to trace context — the caller's {@code traceparent} and
 * {@code tracestate} reach the service as sent, a request without them arrives without them. Not the same as
 * {@code OTEL_SDK_DISABLED=true}, under which main still makes and forwards a span per request. The switch on (the
 * default) is {@code proxy.TraceForwardingTest}.
 */
@MicronautTest
class TracingDisabledTest extends AgainstOneFakeService {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Inject
    ApplicationContext context;

    @Override
    protected String[] settings() {
        return new String[] {"DOJO_TRACING_ENABLED", "false"};
    }

    @Test
    void noTracerIsMade() {
        assertTrue(context.findBean(OpenTelemetry.class).isEmpty(), "an OpenTelemetry");
        assertTrue(context.findBean(Tracer.class).isEmpty(), "a tracer");
    }

    @Test
    void theCallersTraceContextPassesAsSent() {
        for (String path : new String[] {"/ping", "/users/1", "/exercises"}) {
            send(path, TRACEPARENT, "vendor=abc");
            assertEquals(TRACEPARENT, services.last().header("traceparent"), path);
            assertEquals("vendor=abc", services.last().header("tracestate"), path);
        }
    }

    @Test
    void hostileTraceHeadersAreProxiedAsSentNotJudgedByMain() {
        // with tracing off main neither parses nor repairs them; the service's own tracing validates its input
        String longState = "k=" + "v".repeat(4000);
        send("/ping", "not-a-traceparent", longState);
        assertEquals("not-a-traceparent", services.last().header("traceparent"));
        assertEquals(longState, services.last().header("tracestate"));
    }

    @Test
    void noTraceContextIsMadeUp() {
        send("/ping", null, null);
        assertNull(services.last().header("traceparent"));
        assertNull(services.last().header("tracestate"));
    }

    private void send(String path, String traceparent, String tracestate) {
        assertEquals(200, getWithTraceHeaders(path, traceparent, tracestate).statusCode(), path + " is proxied");
    }
}
