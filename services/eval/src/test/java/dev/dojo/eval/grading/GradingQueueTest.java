package dev.dojo.eval.grading;

import dev.dojo.eval.sandbox.SandboxBusyException;
import dev.dojo.eval.sandbox.SandboxSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradingQueueTest {

    private static GradingQueue queue(int slots, int waiting) {
        return new GradingQueue(new SandboxSettings("b", "p", "s", "sh", 65534, "required", slots, waiting,
                Duration.ofSeconds(5)));
    }

    @Test
    void aFullLineIsRefusedAtOnce() throws Exception {
        GradingQueue queue = queue(1, 1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> queue.run(() -> {
                running.countDown();
                await(release);
                return "first";
            }));
            assertTrue(running.await(5, TimeUnit.SECONDS));
            Future<String> second = pool.submit(() -> queue.run(() -> "second"));
            Thread.sleep(100);
            long started = System.nanoTime();
            assertThrows(SandboxBusyException.class, () -> queue.run(() -> "third"));
            assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(100), "refused at once");
            release.countDown();
            assertEquals("first", first.get(5, TimeUnit.SECONDS));
            assertEquals("second", second.get(5, TimeUnit.SECONDS));
            assertEquals("fourth", queue.run(() -> "fourth"));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
