package dev.dojo.main.proxy;

import dev.dojo.main.ServiceRoutes;
import dev.dojo.testing.Eventually;
import dev.dojo.testing.FreePort;
import dev.dojo.testing.LogCapture;
import dev.dojo.main.FakeService;
import dev.dojo.main.FullBacklogListener;
import dev.dojo.main.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Services that are slow, unreachable, or down and coming back. users answers slowly (read timeout 500 ms),
 * eval starts down on a known port and comes back, swapper's port never completes a connect.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResilienceTest implements TestPropertyProvider {

    private static final long OPEN_FOR_MILLIS = 1000;

    private final FakeService users = FakeService.start("users");
    private final int evalPort = FreePort.next();
    private final FullBacklogListener hanging = new FullBacklogListener();
    private FakeService eval;

    @Inject
    EmbeddedServer server;

    String base() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Override
    public Map<String, String> getProperties() {
        return ServiceRoutes.to(users.url(), "http://127.0.0.1:" + evalPort, hanging.url(),
                "micronaut.http.services.users.read-timeout", "500ms",
                "micronaut.http.services.swapper.connect-timeout", "500ms",
                "dojo.gateway.circuit-breaker.failure-threshold", "3",
                "dojo.gateway.circuit-breaker.open-for", OPEN_FOR_MILLIS + "ms");
    }

    @AfterAll
    void stopFakes() throws IOException {
        users.close();
        hanging.close();
        if (eval != null) {
            eval.close();
        }
    }

    @Test
    void slowServiceAnswers504NamingIt() {
        HttpResponse<String> response;
        List<String> warnings;
        try (LogCapture log = LogCapture.of(UpstreamFailure.class)) {
            response = Http.get(base(), "/users/slow");
            warnings = log.warnings();
        }
        // the operator's line: what was asked, of whom, and how it failed
        assertEquals(List.of("GET /users/slow → users failed (TIMEOUT): ReadTimeoutException"), warnings);
        assertEquals(504, response.statusCode());
        assertEquals("{\"status\":\"error\",\"message\":\"The users service did not answer in time. Please try again "
                + "later.\"}", response.body());
        // the fake holds /users/slow until the class ends: the request reached it and the answer came from the
        // read timeout, not from the service
        assertEquals("/users/slow", users.last().uri());
    }

    @Test
    void unreachableServiceAnswers503WhenTheConnectTimesOut() {
        HttpResponse<String> response;
        List<String> warnings;
        try (LogCapture log = LogCapture.of(UpstreamFailure.class)) {
            response = Http.get(base(), "/docs/");
            warnings = log.warnings();
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("GET /docs/ → swapper failed (UNAVAILABLE): "), warnings.get(0));
        // connects there hang (the listener's backlog is full, nothing is ever accepted), so the only way to an
        // answer is the 500 ms connect timeout: 503 "unavailable", not the read timeout's 504
        assertEquals(503, response.statusCode());
        assertEquals("{\"status\":\"error\",\"message\":\"The swapper service is unavailable. Please try again "
                + "later.\"}", response.body());
    }

    @Test
    void circuitOpensWhileDownAndClosesWhenTheServiceIsBack() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> refused = Http.get(base(), "/exercises");
            assertEquals(503, refused.statusCode());
            assertTrue(refused.body().contains("The eval service is unavailable"), refused.body());
        }
        eval = FakeService.start("eval", evalPort);

        // open: refused at once without calling the (now running) service, with a hint when to retry
        HttpResponse<String> open = Http.get(base(), "/exercises");
        assertEquals(503, open.statusCode());
        long retryAfter = Long.parseLong(open.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 1 + OPEN_FOR_MILLIS / 1000, "Retry-After " + retryAfter);
        assertTrue(eval.seen().isEmpty(), "an open circuit must not call the service");

        // polled, not slept: once open-for has passed, the first request is the half-open trial and reaches eval;
        // every one before it was refused by the open circuit without a call
        Eventually.until("the circuit lets a trial request through",
                () -> Http.get(base(), "/exercises").statusCode() == 200);
        assertEquals(1, eval.seen().size(), "only the trial request reached eval");
        HttpResponse<String> closed = Http.get(base(), "/exercises/2");
        assertEquals(200, closed.statusCode());
        assertEquals(2, eval.seen().size());
    }
}
