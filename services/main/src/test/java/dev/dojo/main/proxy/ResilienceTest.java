package dev.dojo.main.proxy;

import dev.dojo.testing.FreePort;
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
        return Map.of(
                "micronaut.http.services.users.url", users.url(),
                "micronaut.http.services.users.read-timeout", "500ms",
                "micronaut.http.services.eval.url", "http://127.0.0.1:" + evalPort,
                "micronaut.http.services.swapper.url", hanging.url(),
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
        long started = System.nanoTime();
        HttpResponse<String> response = Http.get(base(), "/users/slow");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(504, response.statusCode());
        assertEquals("{\"status\":\"error\",\"message\":\"The users service did not answer in time. Please try again "
                + "later.\"}", response.body());
        // the fake sleeps 3 s: the answer came from the read timeout, not from the service
        assertTrue(millis < 2500, "took " + millis + " ms");
    }

    @Test
    void unreachableServiceAnswers503WithinTheConnectTimeout() {
        long started = System.nanoTime();
        HttpResponse<String> response = Http.get(base(), "/docs/");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, response.statusCode());
        assertEquals("{\"status\":\"error\",\"message\":\"The swapper service is unavailable. Please try again "
                + "later.\"}", response.body());
        // connects there hang: the answer came from the 500 ms connect timeout
        assertTrue(millis >= 400 && millis < 2500, "took " + millis + " ms");
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

        Thread.sleep(OPEN_FOR_MILLIS + 200);
        HttpResponse<String> trial = Http.get(base(), "/exercises");
        assertEquals(200, trial.statusCode());
        assertEquals(1, eval.seen().size());
        HttpResponse<String> closed = Http.get(base(), "/exercises/2");
        assertEquals(200, closed.statusCode());
        assertEquals(2, eval.seen().size());
    }
}
