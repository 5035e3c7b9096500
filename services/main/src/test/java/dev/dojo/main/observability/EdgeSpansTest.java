package dev.dojo.main.observability;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.dojo.main.AgainstOneFakeService;
import dev.dojo.main.Http;
import dev.dojo.main.ServiceRoutes;
import dev.dojo.main.proxy.UpstreamFailure;
import dev.dojo.testing.Eventually;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.logback.mdc.v1_0.OpenTelemetryAppender;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Head sampling at the edge, through main with no new trace kept ({@code OTEL_TRACES_SAMPLER_ARG=0}): a request
 * whose trace is not kept makes no span, yet the service receives what the SDK would have sent — the trace id (the
 * caller's, or a new one), a span id of main's, the unsampled flag and the caller's {@code tracestate} — and main's
 * log lines carry that trace id; a caller's sampled trace is still kept, with main's span recorded under the
 * caller's. (Every new trace kept, the default in the tests: {@code proxy.TraceForwardingTest}.)
 */
@MicronautTest
class EdgeSpansTest extends AgainstOneFakeService {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @Inject
    RecordedSpans spans;

    @Override
    protected String[] settings() {
        return new String[] {"OTEL_TRACES_SAMPLER_ARG", "0", "test.recorded-spans", "true",
            // /docs leads nowhere: main then writes a warning while serving the request
            "micronaut.http.services.swapper.url", ServiceRoutes.NOWHERE};
    }

    @Test
    void aNewTraceThatIsNotKeptTravelsUnsampledAndMakesNoSpan() {
        int before = spans.count();
        Matcher one = forwarded(null, null);
        Matcher two = forwarded(null, null);
        for (Matcher sent : List.of(one, two)) {
            assertEquals("00", sent.group(3), sent.group());
            assertNotEquals("0".repeat(32), sent.group(1));
            assertNotEquals("0".repeat(16), sent.group(2));
        }
        assertNotEquals(one.group(1), two.group(1), "each request its own trace");
        assertNull(services.last().header("tracestate"));
        assertEquals(before, spans.count(), "no span was made");
    }

    @Test
    void aCallersUnsampledTraceContinuesUnsampledUnderASpanIdOfMains() {
        int before = spans.count();
        Matcher sent = forwarded("00-" + TRACE + "-" + CALLER_SPAN + "-00", "vendor=abc");
        assertEquals(TRACE, sent.group(1));
        assertNotEquals(CALLER_SPAN, sent.group(2), "the service's parent is main, as with a recorded span");
        assertEquals("00", sent.group(3));
        assertEquals("vendor=abc", services.last().header("tracestate"));
        assertEquals(before, spans.count(), "no span was made");
        assertNotEquals(sent.group(2), forwarded("00-" + TRACE + "-" + CALLER_SPAN + "-00", null).group(2),
                "each request a span id of its own");
    }

    @Test
    void aCallersSampledTraceIsKeptAndMainsSpanRecordedBetweenTheCallerAndTheService() {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        Matcher sent = forwarded("00-" + trace + "-" + CALLER_SPAN + "-01", "vendor=abc");
        assertEquals(trace, sent.group(1));
        assertEquals("01", sent.group(3));
        assertEquals("vendor=abc", services.last().header("tracestate"));

        List<SpanData> recorded = spans.ofTrace(trace);
        assertEquals(1, recorded.size(), recorded.toString());
        SpanData span = recorded.get(0);
        assertEquals(SpanKind.SERVER, span.getKind());
        assertEquals(CALLER_SPAN, span.getParentSpanId());
        assertEquals(sent.group(2), span.getSpanId(), "the service's parent is main's recorded span");
        assertEquals("GET /ping/**", span.getName());
    }

    @Test
    void aMalformedTraceparentStartsANewTraceWithoutTheCallersState() {
        for (String forged : new String[] {"garbage", "00-" + "0".repeat(32) + "-" + CALLER_SPAN + "-01",
            "00-" + TRACE + "-" + "0".repeat(16) + "-01", "ff-" + TRACE + "-" + CALLER_SPAN + "-01"}) {
            Matcher sent = forwarded(forged, "evil=1");
            assertNotEquals(TRACE, sent.group(1), forged);
            assertEquals("00", sent.group(3), forged + ": a new trace, not kept at ratio 0");
            assertNull(services.last().header("tracestate"), forged);
        }
    }

    @Test
    void anOversizedOrMalformedTracestateIsDroppedNotPassedOn() {
        for (String state : new String[] {"k=" + "v".repeat(4000), "no equals sign", "a=1,,,=2", "UPPER=case"}) {
            Matcher sent = forwarded("00-" + TRACE + "-" + CALLER_SPAN + "-00", state);
            assertEquals(TRACE, sent.group(1), state + ": the caller's trace still continues");
            assertNull(services.last().header("tracestate"), state);
        }
    }

    @Test
    void hostileTraceparentsStartANewUnkeptTrace() {
        for (String forged : new String[] {"00-" + TRACE.toUpperCase() + "-" + CALLER_SPAN + "-01",
            "00-" + TRACE + "-" + CALLER_SPAN + "-01-" + "f".repeat(4000), "00-" + TRACE + "-" + CALLER_SPAN + "-1",
            " 00-" + TRACE + "-" + CALLER_SPAN + "-01x"}) {
            Matcher sent = forwarded(forged, null);
            assertNotEquals(TRACE, sent.group(1), forged);
            assertEquals("00", sent.group(3), forged);
        }
    }

    @Test
    void ofTwoTraceparentsTheFirstDecidesAndOnlyMainsOneIsPassedOn() {
        int before = spans.count();
        String other = "0af7651916cd43dd8448eb211c80319c";
        String answer = Http.raw("127.0.0.1", server.getPort(), "GET /ping HTTP/1.1\r\nHost: x\r\n"
                + "traceparent: 00-" + TRACE + "-" + CALLER_SPAN + "-00\r\n"
                + "traceparent: 00-" + other + "-" + CALLER_SPAN + "-01\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
        String sent = services.last().header("traceparent");
        assertTrue(sent.matches("00-" + TRACE + "-[0-9a-f]{16}-00"), "one value, the first caller's trace: " + sent);
        assertEquals(before, spans.count(), "the sampled second header kept nothing");
    }

    @Test
    void linesWrittenWhileServingAnUnkeptTraceCarryItsTraceId() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        OpenTelemetryAppender otel = (OpenTelemetryAppender) root.getAppender("otel");
        assertNotNull(otel, "the shared logback configuration's otel appender on the root logger");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        otel.addAppender(lines);
        try {
            HttpResponse<String> response = getWithTraceHeaders("/docs", "00-" + TRACE + "-" + CALLER_SPAN + "-00",
                    null);
            assertTrue(response.statusCode() >= 502, response.statusCode() + " " + response.body());
            Map<String, String> mdc = Eventually.until("main's warning about the route that leads nowhere",
                    () -> warningOf(lines), line -> line != null).getMDCPropertyMap();
            assertEquals(TRACE, mdc.get("traceId"), mdc.toString());
            assertTrue(mdc.get("spanId").matches("[0-9a-f]{16}") && !mdc.get("spanId").equals(CALLER_SPAN),
                    mdc.toString());
            assertEquals(response.headers().firstValue("X-Request-Id").orElseThrow(), mdc.get("requestId"));
        } finally {
            otel.detachAppender(lines);
        }
    }

    private static ILoggingEvent warningOf(ListAppender<ILoggingEvent> lines) {
        synchronized (lines.list) {
            List<ILoggingEvent> warnings = lines.list.stream()
                    .filter(line -> line.getLoggerName().equals(UpstreamFailure.class.getName())).toList();
            assertTrue(warnings.size() <= 1, warnings.toString());
            return warnings.isEmpty() ? null : warnings.get(0);
        }
    }

    private Matcher forwarded(String traceparent, String tracestate) {
        return forwardedTraceparent("/ping", traceparent, tracestate);
    }
}
