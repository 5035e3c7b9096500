package dev.dojo.eval.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a program's output to the end: keeps the first {@code keep} bytes, counts the rest, and calls
 * {@code onLimit} once when the total passes {@code limit} (the run is then killed: output_limit).
 */
final class OutputCapture {

    private final int keep;
    private final long limit;
    private final Runnable onLimit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private volatile long total;

    OutputCapture(int keep, long limit, Runnable onLimit) {
        this.keep = keep;
        this.limit = limit;
        this.onLimit = onLimit;
    }

    void drain(InputStream in) {
        byte[] chunk = new byte[16384];
        boolean signalled = false;
        try (in) {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                synchronized (kept) {
                    int room = keep - kept.size();
                    if (room > 0) {
                        kept.write(chunk, 0, Math.min(room, n));
                    }
                }
                total += n;
                if (total > limit && !signalled) {
                    signalled = true;
                    onLimit.run();
                }
            }
        } catch (IOException e) {
            // the process was killed mid-write; what was read so far is what we report
        }
    }

    boolean truncated() {
        return total > keep;
    }

    /** Decoded leniently; NUL characters are replaced because PostgreSQL text cannot hold them. */
    String text() {
        synchronized (kept) {
            return new String(kept.toByteArray(), StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
        }
    }
}
