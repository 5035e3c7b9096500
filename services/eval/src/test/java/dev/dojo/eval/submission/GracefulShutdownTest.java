package dev.dojo.eval.submission;

import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.eval.testing.EvalProperties;
import dev.dojo.eval.testing.TestTokens;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
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

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSubmissionBeingGradedIsAnsweredWhenEvalStops() throws Exception {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(EvalProperties.of(
                "dojo.sandbox.limits.wall-time", "5s")));
        try {
            URI base = server.getURI();
            HttpResponse<String> exercise = post(base, "/exercises", """
                    {"title": "Sum", "body": "Define `sum(x, y)`.", "language": "python",
                     "tests": [{"name": "adds", "call": "sum(2, 3)", "expected": 5}],
                     "solution": "def sum(x, y):\\n    return x + y\\n"}""", TestTokens.admin(1)).join();
            assertEquals(201, exercise.statusCode(), exercise.body());
            String id = exercise.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1");

            CompletableFuture<HttpResponse<String>> grading = post(base, "/submissions",
                    "{\"exercise_id\": " + id + ", \"code\": " + jsonString(SLOW_SUM) + "}", TestTokens.user(7));
            assertTrue(sandboxRunning(), "the submission is in the sandbox, sleeping");
            long stopping = System.nanoTime();
            server.getApplicationContext().stop();

            HttpResponse<String> answer = grading.get(5, TimeUnit.SECONDS);
            assertEquals(201, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"verdict\":\"passed\""), answer.body());
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

    private CompletableFuture<HttpResponse<String>> post(URI base, String path, String json, String token) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
