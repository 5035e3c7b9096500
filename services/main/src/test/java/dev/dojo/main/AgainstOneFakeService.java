package dev.dojo.main;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code @MicronautTest} of main whose three routes all lead to one stand-in ({@link FakeService} "all"), stopped
 * after the class; a subclass adds its own settings with {@link #settings()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AgainstOneFakeService implements TestPropertyProvider {

    /** A W3C traceparent as main sends it on: version 00, trace id, parent span id, flags. */
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-(0[01])");

    protected final FakeService services = FakeService.start("all");

    @Inject
    protected EmbeddedServer server;

    /** More properties for main, as name, value, name, value… */
    protected String[] settings() {
        return new String[0];
    }

    /**
     * Sends GET {@code path} through main with the caller's {@code traceparent} and {@code tracestate} (each left
     * out when null), after the stand-in forgot what it received before.
     */
    protected HttpResponse<String> getWithTraceHeaders(String path, String traceparent, String tracestate) {
        services.forget();
        HttpRequest.Builder request = Http.request("http://127.0.0.1:" + server.getPort(), path).GET();
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        if (tracestate != null) {
            request.header("tracestate", tracestate);
        }
        return Http.send(request);
    }

    /**
     * Sends GET {@code path} through main as {@link #getWithTraceHeaders} does and returns the {@code traceparent}
     * the service received, as groups 1 (trace id), 2 (parent span id) and 3 (flags); fails if main answered 5xx or
     * the service received none, or a malformed one.
     */
    protected Matcher forwardedTraceparent(String path, String traceparent, String tracestate) {
        HttpResponse<String> response = getWithTraceHeaders(path, traceparent, tracestate);
        assertTrue(response.statusCode() < 500, path + " " + response.statusCode() + " " + response.body());
        String sent = services.last().header("traceparent");
        assertNotNull(sent, path + ": no traceparent reached the service");
        Matcher matcher = TRACEPARENT.matcher(sent);
        assertTrue(matcher.matches(), path + ": " + sent);
        return matcher;
    }

    @Override
    public Map<String, String> getProperties() {
        return ServiceRoutes.allTo(services.url(), settings());
    }

    @AfterAll
    void stopFakeService() {
        services.close();
    }
}
