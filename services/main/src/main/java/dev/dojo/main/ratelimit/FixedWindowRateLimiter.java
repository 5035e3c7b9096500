package dev.dojo.main.ratelimit;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Counts requests per key in fixed windows: at most {@code limit} per window, then a refusal that says how many
 * seconds remain. Fixed windows allow a burst of up to twice the limit across a window boundary, which is fine for
 * slowing password guessing. Expired windows are swept when the map grows, so many one-off IPs cannot exhaust memory.
 */
public final class FixedWindowRateLimiter {

    private static final int SWEEP_ABOVE = 10_000;

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    public FixedWindowRateLimiter(int limit, Duration window, LongSupplier nanoClock) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Empty if the request may pass, else the seconds (at least 1) until the key's window resets. */
    public OptionalLong acquire(String key) {
        long now = nanoClock.getAsLong();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(window -> now - window.start >= windowNanos);
        }
        Window window = windows.compute(key, (k, current) ->
                current == null || now - current.start >= windowNanos ? new Window(now, 1) : current.next());
        if (window.count <= limit) {
            return OptionalLong.empty();
        }
        long remaining = windowNanos - (now - window.start);
        return OptionalLong.of(Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L));
    }

    private record Window(long start, int count) {
        Window next() {
            return new Window(start, count == Integer.MAX_VALUE ? count : count + 1);
        }
    }
}
