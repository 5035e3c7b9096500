package dev.dojo.main.proxy;

import dev.dojo.main.AgainstOneFakeService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A proxied request reaches its service with main's trace context: the caller's trace continued with main's server
 * span as the parent, a new trace when the caller sent none, and a caller's malformed or forged header replaced,
 * never passed on. (Tracing is on in the tests with every trace sampled and no exporter, application.yml.)
 */
@MicronautTest
class TraceForwardingTest extends AgainstOneFakeService {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @Test
    void theCallersTraceContinuesUnderMainsSpan() {
        for (String path : new String[] {"/ping", "/users/1", "/exercises"}) {
            Matcher sent = forwarded(path, "00-" + TRACE + "-" + CALLER_SPAN + "-01");
            assertEquals(TRACE, sent.group(1), path);
            assertNotEquals(CALLER_SPAN, sent.group(2), path + ": the service's parent is main's span");
            assertEquals("01", sent.group(3), path + ": the caller's sampling decision is kept");
        }
    }

    @Test
    void eachRequestHasItsOwnSpan() {
        String first = forwarded("/ping", "00-" + TRACE + "-" + CALLER_SPAN + "-01").group(2);
        String second = forwarded("/ping", "00-" + TRACE + "-" + CALLER_SPAN + "-01").group(2);
        assertNotEquals(first, second);
    }

    @Test
    void withoutACallersTraceMainStartsOne() {
        Matcher one = forwarded("/ping", null);
        Matcher two = forwarded("/ping", null);
        assertNotEquals("0".repeat(32), one.group(1));
        assertNotEquals(one.group(1), two.group(1), "each request its own trace");
    }

    @Test
    void aMalformedOrForgedTraceparentIsReplacedNotPassedOn() {
        String[] forged = {
            "garbage",
            "00-" + "0".repeat(32) + "-" + CALLER_SPAN + "-01",   // invalid: all-zero trace id
            "00-" + TRACE + "-" + "0".repeat(16) + "-01",          // invalid: all-zero parent
            "ff-" + TRACE + "-" + CALLER_SPAN + "-01",             // invalid: version ff
        };
        for (String value : forged) {
            Matcher sent = forwarded("/ping", value);
            assertNotEquals(value, sent.group(), value);
            assertNotEquals(TRACE, sent.group(1), value + ": a new trace, not the forged one");
        }
    }

    @Test
    void aTracestateTravelsOnlyWithTheTraceItBelongsTo() {
        assertEquals(TRACE,
                forwardedTraceparent("/ping", "00-" + TRACE + "-" + CALLER_SPAN + "-01", "vendor=abc").group(1));
        assertEquals("vendor=abc", services.last().header("tracestate"), "the caller's trace continues with it");

        Matcher fresh = forwardedTraceparent("/ping", "garbage", "evil=1");
        assertNotEquals(TRACE, fresh.group(1));
        assertNull(services.last().header("tracestate"), "a new trace carries no state of the caller's");
    }

    /** Sends {@code path} through main with the caller's traceparent (none if null); what the service received. */
    private Matcher forwarded(String path, String traceparent) {
        return forwardedTraceparent(path, traceparent, null);
    }

}
