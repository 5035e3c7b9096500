package dev.dojo.eval.grading;

import dev.dojo.testing.Eventually;
import dev.dojo.eval.testing.Api;
import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.eval.testing.EvalProperties;
import dev.dojo.testing.tokens.TestTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Through the API, with one sandbox slot: an account holding its share (one sleeping run, one waiting) is refused
 * a third with 429, and another learner's correct submission is graded before the flood's waiting one.
 * Each sleeping run ends at the wall limit (10 s here), so the test takes about 20 s.
 */
@MicronautTest
class FairShareApiTest extends ApiTestBase {

    private static final long FLOOD = 66;
    private static final long LEARNER = 67;
    private static final String SLEEPER = "import time\ntime.sleep(60)\n";

    @Inject
    GradingQueue queue;

    private long sum;
    /** Not the common pool: on 2 cores it has one thread, and the submissions must be in flight together. */
    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterAll
    void stopClients() {
        clients.shutdownNow();
    }

    @Override
    public Map<String, String> getProperties() {
        // a long wall limit keeps the flood's first run holding the slot while the test lines up the others, however
        // slow the machine is (under load, reaching the queue took over 2 s, the usual test limit)
        return EvalProperties.of("dojo.sandbox.slots", "1", "dojo.sandbox.per-account", "2",
                "dojo.sandbox.limits.wall-time", "10s", "dojo.sandbox.queue-wait", "60s");
    }

    @BeforeAll
    void exercise() {
        sum = createSumExercise();
    }

    @Test
    void aFloodingAccountGets429AndCannotMakeAnotherLearnerWaitBehindIt() throws Exception {
        CompletableFuture<Api.Reply> running = CompletableFuture.supplyAsync(() -> submit(sum, SLEEPER, FLOOD), clients);
        waitUntilWaiting(0, running);
        CompletableFuture<Api.Reply> queued = CompletableFuture.supplyAsync(() -> submit(sum, SLEEPER, FLOOD), clients);
        waitUntilWaiting(1, queued);

        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> httpClient.toBlocking().exchange(HttpRequest.POST(server.getURL() + "/submissions",
                                Map.of("exercise_id", sum, "code", SUM))
                        .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(TestTokens.user(FLOOD)), Map.class));
        assertEquals(429, refused.code());
        assertEquals("10", refused.getResponse().header("Retry-After"));
        assertEquals(Map.of("status", "fail",
                        "message", "You already have 2 submissions being graded. Wait for one to finish, then submit again."),
                refused.getResponse().getBody(Map.class).orElseThrow());

        CompletableFuture<Api.Reply> learner = CompletableFuture.supplyAsync(() -> submit(sum, SUM, LEARNER), clients);
        waitUntilWaiting(2, learner);
        Api.Reply graded = learner.get(60, TimeUnit.SECONDS);
        assertEquals(201, graded.status(), String.valueOf(graded.body()));
        assertEquals("passed", graded.data().get("verdict"));
        // ordering, not timing: the learner came after the flood's waiting submission and was graded before it
        assertFalse(queued.isDone(), "the flood's waiting submission was graded before the learner's");
        assertEquals("timeout", running.get(60, TimeUnit.SECONDS).data().get("verdict"));
        assertEquals("timeout", queued.get(60, TimeUnit.SECONDS).data().get("verdict"));
        // its share given back, the account may submit again
        assertEquals("passed", submit(sum, SUM, FLOOD).data().get("verdict"));
    }

    /** Waits (with a deadline) until {@code n} submissions wait for the slot, or the submission already answered. */
    private void waitUntilWaiting(int n, CompletableFuture<?> submission) {
        // n == 0: the first submission holds the slot once its sandbox has started; the queue shows nobody waiting
        // either way, so wait for the slot to be taken instead: a probe submission would have to wait
        Eventually.until(n + " submissions waiting (" + queue.waiting() + " now)", () -> {
            assertFalse(submission.isDone(), () -> "answered early: " + submission.join());
            return n == 0 ? slotTaken() : queue.waiting() >= n;
        });
    }

    private boolean slotTaken() {
        return queue.inFlight() > 0;
    }
}
