package dev.dojo.eval.submission;

import dev.dojo.eval.testing.Api;
import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.eval.testing.EvalProperties;
import dev.dojo.eval.testing.TestTokens;
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

    /** Passes the exercise's tests, about a second after it starts. */
    private static final String SLOW_SUM = "import time\ntime.sleep(1)\n" + ApiTestBase.SUM;

    @Test
    void aSubmissionBeingGradedIsAnsweredWhenEvalStops() throws Exception {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(EvalProperties.of(
                "dojo.sandbox.limits.wall-time", "5s")));
        // the caller's client is its own, not a bean of the eval that stops
        try (HttpClient client = HttpClient.create(server.getURL())) {
            Api api = new Api(client, server.getURL());
            long sum = ApiTestBase.createSumExercise(api);

            CompletableFuture<Api.Response> grading = CompletableFuture.supplyAsync(() -> api.post("/submissions",
                    Map.of("exercise_id", sum, "code", SLOW_SUM), TestTokens.user(7)));
            assertTrue(sandboxRunning(), "the submission is in the sandbox, sleeping");
            long stopping = System.nanoTime();
            server.getApplicationContext().stop();

            Api.Response answer = grading.get(5, TimeUnit.SECONDS);
            assertEquals(201, answer.status(), String.valueOf(answer.body()));
            assertEquals("passed", answer.data().get("verdict"));
            assertTrue(System.nanoTime() - stopping > TimeUnit.MILLISECONDS.toNanos(300),
                    "the stop waited for the grading in flight");
        } finally {
            if (server.getApplicationContext().isRunning()) {
                server.getApplicationContext().stop();
            }
        }
        assertFalse(server.isRunning());
    }

    /** Waits until a sandbox (bubblewrap) runs below this JVM, where eval runs in-process. */
    private static boolean sandboxRunning() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            boolean running = ProcessHandle.current().descendants()
                    .anyMatch(p -> p.info().command().map(c -> c.endsWith("bwrap")).orElse(false));
            if (running) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
