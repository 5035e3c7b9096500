package dev.dojo.eval.submission;

import dev.dojo.eval.testing.Api;
import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.eval.testing.EvalProperties;
import dev.dojo.testing.Eventually;
import dev.dojo.testing.tokens.TestTokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * eval stopping (SIGTERM: the application context stops) while a submission is being graded: the grading finishes
 * and its answer reaches the caller instead of a cut connection. Graceful shutdown is on in eval's application.yml.
 */
class GracefulShutdownTest {

    /** Passes the exercise's tests, a few seconds after it starts (time enough to stop eval meanwhile). */
    private static final String SLOW_SUM = "import time\ntime.sleep(3)\n" + ApiTestBase.SUM;

    @Test
    void aSubmissionBeingGradedIsAnsweredWhenEvalStops() throws Exception {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(EvalProperties.of(
                "dojo.sandbox.limits.wall-time", "20s")));
        // the caller's client is its own, not a bean of the eval that stops
        try (HttpClient client = HttpClient.create(server.getURL())) {
            Api api = new Api(client, server.getURL());
            long sum = api.createSumExercise();

            CompletableFuture<Api.Reply> grading = CompletableFuture.supplyAsync(() -> api.post("/submissions",
                    Map.of("exercise_id", sum, "code", SLOW_SUM), TestTokens.user(7)));
            ProcessHandle sandbox = sandboxProcess();
            assertTrue(sandbox.isAlive(), "the submission is in the sandbox, sleeping, when eval is told to stop");
            server.getApplicationContext().stop();
            // events, not elapsed time: stop() returned only after the sandbox had exited, and the answer arrived
            assertFalse(sandbox.isAlive(), "the stop waited for the grading in flight");

            Api.Reply answer = grading.get(60, TimeUnit.SECONDS);
            assertEquals(201, answer.status(), String.valueOf(answer.body()));
            assertEquals("passed", answer.data().get("verdict"));
        } finally {
            if (server.getApplicationContext().isRunning()) {
                server.getApplicationContext().stop();
            }
        }
        assertFalse(server.isRunning());
    }

    /** The sandbox (bubblewrap) below this JVM, where eval runs in-process, once it runs (polled with a deadline). */
    private static ProcessHandle sandboxProcess() {
        return Eventually.until("a sandbox runs", () -> ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("bwrap")).orElse(false))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }
}
