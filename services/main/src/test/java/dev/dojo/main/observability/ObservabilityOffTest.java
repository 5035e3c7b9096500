package dev.dojo.main.observability;

import dev.dojo.main.AgainstOneFakeService;
import dev.dojo.main.Http;
import dev.dojo.main.accesslog.CapturedAccessLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Metrics and traces both off (the bench's "off" main): {@link EdgeObservationFilter} has neither a gateway timer
 * nor spans to start, and still writes every request's access line — proxied and main's own — with its duration,
 * upstream and request id.
 */
@MicronautTest
class ObservabilityOffTest extends AgainstOneFakeService {

    private static final String LINE = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} main ACCESS ";

    @Inject
    ApplicationContext context;

    @Inject
    CapturedAccessLog accessLog;

    @Override
    protected String[] settings() {
        return new String[] {"DOJO_TRACING_ENABLED", "false", "DOJO_METRICS_ENABLED", "false"};
    }

    @Test
    void accessLinesAreWrittenWithoutTimersOrSpans() {
        assertTrue(context.findBean(GatewayTimers.class).isEmpty(), "a gateway timer");
        assertTrue(context.findBean(EdgeSpans.class).isEmpty(), "edge spans");
        String base = "http://127.0.0.1:" + server.getPort();

        assertEquals(200, Http.send(Http.request(base, "/ping").header("X-Request-Id", "off-proxied")).statusCode());
        assertEquals(200, Http.send(Http.request(base, "/health").header("X-Request-Id", "off-own")).statusCode());
        Http.send(Http.request(base, "/ping").header("X-Request-Id", "off-fence"));

        List<String> proxied = accessLog.linesWithBefore("id=off-proxied", "id=off-fence");
        assertEquals(1, proxied.size(), proxied.toString());
        assertTrue(proxied.get(0).matches(LINE + "GET /ping 200 \\d+\\.\\dms upstream=users id=off-proxied"),
                proxied.get(0));
        List<String> own = accessLog.linesWithBefore("id=off-own", "id=off-fence");
        assertEquals(1, own.size(), own.toString());
        assertTrue(own.get(0).matches(LINE + "GET /health 200 \\d+\\.\\dms upstream=- id=off-own"), own.get(0));
    }
}
