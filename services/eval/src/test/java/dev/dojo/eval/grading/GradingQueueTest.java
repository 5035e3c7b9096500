package dev.dojo.eval.grading;

import dev.dojo.testing.Eventually;
import dev.dojo.eval.sandbox.SandboxBusyException;
import dev.dojo.eval.sandbox.SandboxSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Admission and fair order, driven by latches: a job runs until the test releases it, and the test waits for
 * "n submissions are waiting" (polled with a deadline) instead of sleeping. "Refused at once" means refused
 * while the queue's own waiting time is an hour: a call that waited would hang, not pass.
 */
class GradingQueueTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final long FLOOD = 7;
    private static final long LEARNER = 8;

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<String> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static GradingQueue queue(int slots, int waiting, int perAccount, Duration wait) {
        return new GradingQueue(new SandboxSettings("b", "p", "s", "sh", 65534, "required", slots, waiting, wait,
                perAccount));
    }

    /** A job that records its start and then holds its slot until {@code release} opens. */
    private Future<String> submit(GradingQueue queue, long account, String name, CountDownLatch release) {
        return pool.submit(() -> queue.run(account, () -> {
            started.add(name);
            await(release);
            return name;
        }));
    }

    @Test
    void aFullLineIsRefusedAtOnce() throws Exception {
        GradingQueue queue = queue(1, 1, 2, HOUR);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> first = submit(queue, 1, "first", release);
        waitUntil(() -> started.size(), 1);
        Future<String> second = submit(queue, 2, "second", release);
        waitUntil(queue::waiting, 1);
        assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(SandboxBusyException.class, () -> queue.run(3, () -> "third")));
        release.countDown();
        assertEquals("first", first.get(30, TimeUnit.SECONDS));
        assertEquals("second", second.get(30, TimeUnit.SECONDS));
        assertEquals("fourth", queue.run(3, () -> "fourth"));
    }

    @Test
    void anAccountOverItsShareIsRefusedAtOnceWhileOthersStillGetIn() throws Exception {
        GradingQueue queue = queue(1, 16, 2, HOUR);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> running = submit(queue, FLOOD, "flood-1", release);
        waitUntil(() -> started.size(), 1);
        Future<String> queued = submit(queue, FLOOD, "flood-2", release);
        waitUntil(queue::waiting, 1);
        TooManyGradingsException refused = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(TooManyGradingsException.class, () -> queue.run(FLOOD, () -> "flood-3")));
        assertEquals("You already have 2 submissions being graded. Wait for one to finish, then submit again.",
                refused.getMessage());
        Future<String> learner = submit(queue, LEARNER, "learner", release);
        waitUntil(queue::waiting, 2);
        release.countDown();
        assertEquals("flood-1", running.get(30, TimeUnit.SECONDS));
        assertEquals("flood-2", queued.get(30, TimeUnit.SECONDS));
        assertEquals("learner", learner.get(30, TimeUnit.SECONDS));
        // the share is given back: the flooding account may grade again
        assertEquals("again", queue.run(FLOOD, () -> "again"));
    }

    @Test
    void theNextSlotGoesToTheAccountServedLongestAgo() throws Exception {
        GradingQueue queue = queue(1, 16, 2, HOUR);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch releaseRest = new CountDownLatch(1);
        Future<String> flood1 = submit(queue, FLOOD, "flood-1", releaseFirst);
        waitUntil(() -> started.size(), 1);
        Future<String> flood2 = submit(queue, FLOOD, "flood-2", releaseRest);
        waitUntil(queue::waiting, 1);
        // the learner arrives after the flood's second submission, and is still served first
        Future<String> learner = submit(queue, LEARNER, "learner", releaseRest);
        waitUntil(queue::waiting, 2);
        releaseFirst.countDown();
        waitUntil(() -> started.size(), 2);
        assertEquals(List.of("flood-1", "learner"), started);
        releaseRest.countDown();
        assertEquals("learner", learner.get(30, TimeUnit.SECONDS));
        assertEquals("flood-2", flood2.get(30, TimeUnit.SECONDS));
        assertEquals("flood-1", flood1.get(30, TimeUnit.SECONDS));
        assertEquals(List.of("flood-1", "learner", "flood-2"), started);
    }

    @Test
    void aFullLineOfFloodingAccountsMakesRoomForANewcomerAndServesItAheadOfSecondSubmissions() throws Exception {
        // 1 slot, a line of 5, three accounts flooding with 2 each: 1 runs, 5 wait, the line is full
        GradingQueue queue = queue(1, 5, 2, HOUR);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> flood = new CopyOnWriteArrayList<>();
        flood.add(submit(queue, 101, "101-1", release));
        waitUntil(() -> started.size(), 1);
        int waiting = 0;
        for (String name : new String[] {"101-2", "102-1", "102-2", "103-1", "103-2"}) {
            flood.add(submit(queue, Long.parseLong(name.substring(0, 3)), name, release));
            waitUntil(queue::waiting, ++waiting);
        }
        // the newcomer displaces the newest submission of an account that has another one in line (503 for it)
        Future<String> learner = submit(queue, LEARNER, "learner", release);
        ExecutionException busy = assertThrows(ExecutionException.class,
                () -> flood.get(5).get(30, TimeUnit.SECONDS));
        assertInstanceOf(SandboxBusyException.class, busy.getCause());
        assertEquals(5, queue.waiting());
        release.countDown();
        assertEquals("learner", learner.get(30, TimeUnit.SECONDS));
        for (Future<String> f : flood.subList(0, 5)) {
            f.get(30, TimeUnit.SECONDS);
        }
        // first submissions of accounts not yet served (in arrival order), then accounts served longest ago:
        // the learner overtakes the second submissions that were waiting before it came
        assertEquals(List.of("101-1", "102-1", "103-1", "learner", "101-2", "102-2"), started);
        // the displaced submission no longer counts for its account: every account is idle and forgotten
        assertEquals(0, queue.accountsTracked());
    }

    @Test
    void oneAccountNeverRunsOnEverySlotSoAnotherFindsOneFree() throws Exception {
        GradingQueue queue = queue(2, 16, 2, HOUR);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> flood1 = submit(queue, FLOOD, "flood-1", release);
        waitUntil(() -> started.size(), 1);
        // a slot is free, but the flood already runs on all slots but one: its second submission waits
        Future<String> flood2 = submit(queue, FLOOD, "flood-2", release);
        waitUntil(queue::waiting, 1);
        assertEquals(1, queue.inFlight());
        // the learner takes the free slot at once, while the flood's first run is still going
        assertEquals("learner", assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> queue.run(LEARNER, () -> "learner")));
        assertEquals(List.of("flood-1"), started);
        release.countDown();
        assertEquals("flood-1", flood1.get(30, TimeUnit.SECONDS));
        assertEquals("flood-2", flood2.get(30, TimeUnit.SECONDS));
    }

    @Test
    void aLineOfDifferentAccountsRefusesTheNextNewcomer() throws Exception {
        GradingQueue queue = queue(1, 2, 2, HOUR);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> admitted = List.of(submit(queue, 1, "1", release), submit(queue, 2, "2", release),
                submit(queue, 3, "3", release));
        waitUntil(queue::waiting, 2);
        assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(SandboxBusyException.class, () -> queue.run(4, () -> "4")));
        release.countDown();
        for (Future<String> f : admitted) {
            f.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void waitingPastTheDeadlineIsBusyAndGivesTheShareBack() throws Exception {
        GradingQueue queue = queue(1, 16, 2, Duration.ofMillis(1));
        CountDownLatch release = new CountDownLatch(1);
        Future<String> running = submit(queue, FLOOD, "running", release);
        waitUntil(() -> started.size(), 1);
        assertThrows(SandboxBusyException.class, () -> queue.run(FLOOD, () -> "late"));
        assertEquals(0, queue.waiting());
        // the timed-out submission no longer counts against the account
        Future<String> again = pool.submit(() -> queue.run(FLOOD, () -> "again"));
        release.countDown();
        assertEquals("running", running.get(30, TimeUnit.SECONDS));
        // "again" either waited its turn or timed out too; either way the account is not stuck at its limit
        try {
            again.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertInstanceOf(SandboxBusyException.class, e.getCause());
        }
        assertEquals("free", queue.run(FLOOD, () -> "free"));
        assertEquals("free", queue.run(FLOOD, () -> "free"));
    }

    @Test
    void aFailingJobGivesItsSlotAndShareBack() {
        GradingQueue queue = queue(1, 0, 1, HOUR);
        for (int i = 0; i < 3; i++) {
            assertThrows(IllegalStateException.class, () -> queue.run(FLOOD, () -> {
                throw new IllegalStateException("boom");
            }));
        }
        assertEquals("ok", queue.run(FLOOD, () -> "ok"));
    }

    @Test
    void aFreedSlotGoesToOneWaitingAccountInArrivalOrderAndNeverToOneAtItsShare() throws Exception {
        // 3 slots: an account runs on 2 at most
        GradingQueue queue = queue(3, 16, 3, HOUR);
        CountDownLatch releaseFlood = new CountDownLatch(1);
        CountDownLatch releaseB = new CountDownLatch(1);
        CountDownLatch releaseC = new CountDownLatch(1);
        CountDownLatch releaseD = new CountDownLatch(1);
        List<Future<String>> flood = List.of(submit(queue, FLOOD, "f1", releaseFlood),
                submit(queue, FLOOD, "f2", releaseFlood));
        waitUntil(() -> started.size(), 2);
        Future<String> f3 = submit(queue, FLOOD, "f3", releaseFlood);
        waitUntil(queue::waiting, 1);
        Future<String> b = submit(queue, 20, "b", releaseB);
        waitUntil(() -> started.size(), 3);
        // C arrives before D; D's smaller id comes first in the queue's own map, so only arrival order puts C first
        Future<String> c = submit(queue, 31, "c", releaseC);
        waitUntil(queue::waiting, 2);
        Future<String> d = submit(queue, 30, "d", releaseD);
        waitUntil(queue::waiting, 3);

        releaseB.countDown();
        assertEquals("b", b.get(30, TimeUnit.SECONDS));
        waitUntil(() -> started.size(), 4);
        assertEquals("c", started.get(3), "the newcomer that came first");
        assertEquals(3, queue.inFlight(), "one slot freed, one granted");
        assertEquals(2, queue.waiting(), "d and f3 still wait");

        releaseC.countDown();
        assertEquals("c", c.get(30, TimeUnit.SECONDS));
        waitUntil(() -> started.size(), 5);
        assertEquals("d", started.get(4));
        releaseD.countDown();
        assertEquals("d", d.get(30, TimeUnit.SECONDS));
        // the flood runs on 2 of 3 slots: its waiting third does not take the free one
        assertEquals(2, queue.inFlight());
        assertEquals(1, queue.waiting());
        assertEquals(List.of("b", "c", "d"), started.subList(2, 5), "after f1 and f2, in either order");

        releaseFlood.countDown();
        for (Future<String> f : flood) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertEquals("f3", f3.get(30, TimeUnit.SECONDS));
        assertEquals(0, queue.waiting());
        assertEquals(0, queue.inFlight());
        assertEquals(0, queue.accountsTracked(), "every account went idle");
    }

    @Test
    void anAccountIsForgottenWhenItHasNothingLeftHoweverItsLastSubmissionEnded() throws Exception {
        GradingQueue queue = queue(1, 1, 2, HOUR);
        assertEquals("done", queue.run(1, () -> "done"));
        assertEquals(0, queue.accountsTracked(), "after a run");

        CountDownLatch release = new CountDownLatch(1);
        Future<String> running = submit(queue, 1, "running", release);
        waitUntil(() -> started.size(), 1);
        Future<String> waiting = submit(queue, 2, "waiting", release);
        waitUntil(queue::waiting, 1);
        assertThrows(SandboxBusyException.class, () -> queue.run(3, () -> "refused"));
        assertEquals(2, queue.accountsTracked(), "after a refusal: the refused account is not kept");
        release.countDown();
        running.get(30, TimeUnit.SECONDS);
        waiting.get(30, TimeUnit.SECONDS);
        assertEquals(0, queue.accountsTracked());

        GradingQueue impatient = queue(1, 16, 2, Duration.ofMillis(1));
        CountDownLatch hold = new CountDownLatch(1);
        Future<String> holder = submit(impatient, 1, "holder", hold);
        waitUntil(() -> started.size(), 3); // running, waiting, holder
        assertThrows(SandboxBusyException.class, () -> impatient.run(2, () -> "gave up"));
        assertEquals(1, impatient.accountsTracked(), "after giving up: only the running account is kept");
        hold.countDown();
        holder.get(30, TimeUnit.SECONDS);
        assertEquals(0, impatient.accountsTracked());
    }

    @Test
    void anInterruptedWaitIsBusyAndKeepsTheInterrupt() throws Exception {
        GradingQueue queue = queue(1, 16, 2, HOUR);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> running = submit(queue, 1, "running", release);
        waitUntil(() -> started.size(), 1);
        AtomicReference<String> outcome = new AtomicReference<>("not refused");
        Thread waiter = new Thread(() -> {
            try {
                queue.run(2, () -> "never");
            } catch (SandboxBusyException e) {
                outcome.set(Thread.currentThread().isInterrupted() ? "busy, interrupt kept" : "busy, interrupt lost");
            }
        });
        waiter.start();
        waitUntil(queue::waiting, 1);
        waiter.interrupt();
        waiter.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals("busy, interrupt kept", outcome.get());
        assertEquals(0, queue.waiting());
        release.countDown();
        assertEquals("running", running.get(30, TimeUnit.SECONDS));
    }

    private static void waitUntil(IntSupplier value, int expected) {
        Eventually.until("the value reaches " + expected, () -> value.getAsInt() == expected);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(60, TimeUnit.SECONDS), "never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
