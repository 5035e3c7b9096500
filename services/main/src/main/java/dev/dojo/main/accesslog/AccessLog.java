package dev.dojo.main.accesslog;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.netty.util.concurrent.FastThreadLocal;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * main's access log: one line per request, {@code HH:mm:ss.SSS main ACCESS METHOD /path STATUS 1.2ms upstream=users
 * id=<request id> trace=<trace id>} ({@code trace=} when tracing is on and the path is traced). The duration runs
 * until the response started (a streamed body may still be flowing); {@code upstream} is {@code -} for what main
 * answered itself. {@link dev.dojo.main.observability.EdgeObservationFilter}
 * writes the line of every request.
 * <p>
 * This runs on the event loop for every request, so it is a writer of its own rather than a logger (ADR 0034, as
 * Tomcat's and Jetty's access logs are): each thread formats its lines straight into a buffer of its own, and one
 * background thread ({@link AccessLogWriter}) takes the buffers every {@code flushMillis} and writes each with one
 * system call. No line is dropped: a thread whose buffer is full waits for the writer.
 */
@Singleton
public class AccessLog {

    private final boolean enabled;
    private final ZoneId zone = ZoneId.systemDefault();
    private final List<AccessLogBatch> batches = new CopyOnWriteArrayList<>();
    private final FastThreadLocal<AccessLogBatch> mine = new FastThreadLocal<>() {
        @Override
        protected AccessLogBatch initialValue() {
            AccessLogBatch batch = new AccessLogBatch(zone);
            batches.add(batch);
            return batch;
        }
    };
    private final AccessLogWriter writer;

    public AccessLog(@Value("${dojo.access-log.enabled:true}") boolean enabled,
                     @Value("${dojo.access-log.flush-millis:20}") int flushMillis, AccessLogOutput output) {
        this.enabled = enabled;
        this.writer = new AccessLogWriter(batches, output, flushMillis);
        if (enabled) {
            writer.start();
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * Adds the line of one request; {@code startedNanos} is its {@link System#nanoTime()} on arrival, {@code traceId}
     * its trace (null: none, the line has no {@code trace=}).
     */
    public void record(String method, String path, int status, long startedNanos, String upstream, String id,
                       @Nullable String traceId) {
        if (!enabled) {
            return;
        }
        long tenthsOfMillis = (System.nanoTime() - startedNanos) / 100_000;
        AccessLogBatch batch = mine.get();
        while (!batch.add(method, path, status, tenthsOfMillis, upstream, id, traceId) && writer.running()) {
            // the writer is behind (a blocked console): wait for it rather than lose a line
            LockSupport.parkNanos(100_000);
        }
    }

    @PreDestroy
    public void close() {
        writer.stop();
    }
}
