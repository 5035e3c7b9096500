package dev.dojo.main.observability;

import dev.dojo.main.AgainstOneFakeService;
import dev.dojo.main.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What main refuses at its edge is still seen by an operator: the path guard's 400 and the login limit's 429 are
 * answered after the tracing phase, so each has main's server span with its status (as it has its metrics sample).
 * A guard or limit moved before tracing would answer unseen — an attack on the login would leave no trace.
 */
@MicronautTest
class RefusalsAreTracedTest extends AgainstOneFakeService {

    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    @Inject
    RecordedSpans spans;

    @Override
    protected String[] settings() {
        return new String[] {"test.recorded-spans", "true", "dojo.rate-limit.requests", "1"};
    }

    @Test
    void aPathTheGuardRefusesHasItsServerSpan() {
        String trace = "5bf92f3577b34da6a3ce929d0e0e4736";
        String answer = Http.raw("127.0.0.1", server.getPort(), "GET /users/x/../y HTTP/1.1\r\nHost: x\r\n"
                + "traceparent: 00-" + trace + "-00f067aa0ba902b7-01\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertEquals(List.of(400L), statuses(trace));
    }

    @Test
    void aLoginOverTheLimitHasItsServerSpan() {
        String trace = "6bf92f3577b34da6a3ce929d0e0e4736";
        String login = "POST /auth/login HTTP/1.1\r\nHost: x\r\ntraceparent: 00-" + trace
                + "-00f067aa0ba902b7-01\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\n{}";
        String first = Http.raw("127.0.0.1", server.getPort(), login);
        String second = Http.raw("127.0.0.1", server.getPort(), login);
        assertTrue(!first.startsWith("HTTP/1.1 429 "), first);
        assertTrue(second.startsWith("HTTP/1.1 429 "), second);
        List<Long> statuses = statuses(trace);
        assertEquals(2, statuses.size(), statuses.toString());
        assertEquals(429L, statuses.get(1), statuses.toString());
    }

    private List<Long> statuses(String trace) {
        return spans.ofTrace(trace).stream().map(SpanData::getAttributes).map(attributes -> attributes.get(STATUS))
                .toList();
    }
}
