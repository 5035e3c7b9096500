package dev.dojo.main.accesslog;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessLogTest {

    private static final Pattern LINE = Pattern.compile(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} main ACCESS GET /users/\\d+ 200 \\d+\\.\\dms upstream=users id=t\\d-\\d+");

    @Test
    void everyLineFromEveryThreadIsWrittenOnceInItsThreadsOrder() throws Exception {
        CapturedAccessLog output = new CapturedAccessLog();
        AccessLog log = new AccessLog(true, 5, output);
        int threads = 4;
        int perThread = 20_000;
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(started(() -> {
                for (int i = 0; i < perThread; i++) {
                    log.record("GET", "/users/" + i, 200, System.nanoTime(), "users", "t" + thread + "-" + i, null);
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
        log.close();

        List<String> lines = output.lines();
        assertEquals(threads * perThread, lines.size());
        int[] next = new int[threads];
        for (String line : lines) {
            assertTrue(LINE.matcher(line).matches(), line);
            String id = line.substring(line.indexOf("id=t") + 4);
            int thread = Integer.parseInt(id.substring(0, id.indexOf('-')));
            assertEquals(next[thread]++, Integer.parseInt(id.substring(id.indexOf('-') + 1)), "order of thread " + thread);
        }
    }

    @Test
    void aLineWithATraceEndsWithItsTraceId() {
        CapturedAccessLog output = new CapturedAccessLog();
        AccessLog log = new AccessLog(true, 5, output);
        log.record("GET", "/users", 200, System.nanoTime(), "users", "abc", "4bf92f3577b34da6a3ce929d0e0e4736");
        log.close();
        String line = output.lines().get(0);
        assertTrue(line.endsWith(" upstream=users id=abc trace=4bf92f3577b34da6a3ce929d0e0e4736"), line);
    }

    @Test
    void theDurationIsInTenthsOfAMillisecond() {
        CapturedAccessLog output = new CapturedAccessLog();
        AccessLog log = new AccessLog(true, 5, output);
        log.record("POST", "/auth/login", 401, System.nanoTime() - 12_345_000_000L, "-", "abc", null);
        log.close();
        String line = output.lines().get(0);
        assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} main ACCESS POST /auth/login 401 12345\\.\\dms upstream=- id=abc"), line);
    }

    @Test
    void aBlockedOutputHoldsTheCallersBackInsteadOfLosingLines() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        CapturedAccessLog output = new CapturedAccessLog() {
            @Override
            public synchronized void write(byte[] written) {
                blocked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.write(written);
            }
        };
        AccessLog log = new AccessLog(true, 1, output);
        log.record("GET", "/first", 200, System.nanoTime(), "users", "first", null);
        assertTrue(blocked.await(5, TimeUnit.SECONDS), "the writer is stuck in its first write");
        // more than one batch holds: the caller must wait for the writer
        int lines = AccessLogBatch.LIMIT / 60 + 1_000;
        Thread caller = started(() -> {
            for (int i = 0; i < lines; i++) {
                log.record("GET", "/more", 200, System.nanoTime(), "users", Integer.toString(i), null);
            }
        });
        caller.join(500);
        assertTrue(caller.isAlive(), "the caller waits while the output is blocked and its batch is full");
        release.countDown();
        caller.join(10_000);
        assertFalse(caller.isAlive());
        log.close();
        assertEquals(lines + 1, output.lines().size());
    }

    @Test
    void switchedOffItWritesNothing() {
        CapturedAccessLog output = new CapturedAccessLog();
        AccessLog log = new AccessLog(false, 5, output);
        log.record("GET", "/", 200, System.nanoTime(), "-", "x", null);
        log.close();
        assertFalse(log.enabled());
        assertEquals(List.of(), output.lines());
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }
}
