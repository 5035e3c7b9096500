package dev.dojo.main;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A {@code @MicronautTest} of main whose three routes all lead to one stand-in ({@link FakeService} "all"), stopped
 * after the class; a subclass adds its own settings with {@link #settings()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AgainstOneFakeService implements TestPropertyProvider {

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

    @Override
    public Map<String, String> getProperties() {
        return ServiceRoutes.allTo(services.url(), settings());
    }

    @AfterAll
    void stopFakeService() {
        services.close();
    }
}
