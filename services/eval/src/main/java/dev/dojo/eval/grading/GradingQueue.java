package dev.dojo.eval.grading;

import dev.dojo.eval.sandbox.SandboxBusyException;
import dev.dojo.eval.sandbox.SandboxSettings;
import jakarta.inject.Singleton;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds how many sandboxes run at once (one per core by default) and how many submissions may wait; a full
 * line is refused at once rather than piling up threads and memory.
 */
@Singleton
public class GradingQueue {

    private final Semaphore slots;
    private final int capacity;
    private final long waitMillis;
    private final AtomicInteger waiting = new AtomicInteger();

    public GradingQueue(SandboxSettings settings) {
        this.slots = new Semaphore(settings.effectiveSlots(), true);
        this.capacity = settings.queue();
        this.waitMillis = settings.queueWait().toMillis();
    }

    /** Submissions waiting for a slot now (a metric: {@link GradingTelemetry}). */
    public int waiting() {
        return waiting.get();
    }

    public <T> T run(Supplier<T> job) {
        if (!slots.tryAcquire()) {
            if (waiting.incrementAndGet() > capacity) {
                waiting.decrementAndGet();
                throw new SandboxBusyException();
            }
            try {
                if (!slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                    throw new SandboxBusyException();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SandboxBusyException();
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            return job.get();
        } finally {
            slots.release();
        }
    }

}
