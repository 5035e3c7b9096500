package dev.dojo.main.accesslog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The one background thread that takes every thread's {@link AccessLogBatch} each {@code flushMillis} and writes
 * them out: one system call per thread and round however many requests there were, and never one on an event loop.
 */
final class AccessLogWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogWriter.class);
    private static final int KEPT_CAPACITY = 256 * 1024;

    private final List<AccessLogBatch> batches;
    private final AccessLogOutput output;
    private final long intervalNanos;
    private final Thread thread;
    private volatile boolean running;
    /** Emptied builders handed back to the batches in turn; only the writer's thread touches them. */
    private final ArrayDeque<StringBuilder> free = new ArrayDeque<>();

    AccessLogWriter(List<AccessLogBatch> batches, AccessLogOutput output, int flushMillis) {
        this.batches = batches;
        this.output = output;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, flushMillis));
        this.thread = new Thread(this::run, "dojo-access-writer");
        thread.setDaemon(true);
    }

    void start() {
        running = true;
        thread.start();
    }

    boolean running() {
        return running;
    }

    /** Writes what is pending and ends the thread (waiting for it at most a second). */
    void stop() {
        if (!running) {
            return;
        }
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            LockSupport.parkNanos(intervalNanos);
            writePending();
        }
        writePending();
    }

    private void writePending() {
        for (AccessLogBatch batch : batches) {
            StringBuilder lines = batch.take(fresh());
            if (lines.length() > 0) {
                // batch by batch: a whole round in one array would need several copies of every pending line
                byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
                try {
                    output.write(bytes);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("cannot write {} bytes of access lines: {}", bytes.length, e.toString());
                }
            }
            reuse(lines);
        }
    }

    private StringBuilder fresh() {
        StringBuilder builder = free.poll();
        return builder != null ? builder : new StringBuilder(16 * 1024);
    }

    private void reuse(StringBuilder builder) {
        // one that grew large while the output was blocked is let go
        if (builder.capacity() <= KEPT_CAPACITY) {
            builder.setLength(0);
            free.push(builder);
        }
    }
}
