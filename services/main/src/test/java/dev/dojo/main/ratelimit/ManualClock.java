package dev.dojo.main.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The rate limit's clock, moved by the test instead of by time ({@code test.manual-clock=true}). */
@Singleton
@Requires(property = "test.manual-clock", value = "true")
@Replaces(bean = TimeMeter.class, factory = BudgetsFactory.class)
public class ManualClock implements TimeMeter {

    private final AtomicLong nanos = new AtomicLong(Duration.ofDays(20_000).toNanos());

    /**
     * Properties for a budget of {@code requests} per window on this clock: the window then ends only when the test
     * advances it, never because a slow machine took a minute (a mutable map, for the test's own properties).
     */
    public static Map<String, String> budget(int requests) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("dojo.rate-limit.requests", Integer.toString(requests));
        properties.put("test.manual-clock", "true");
        return properties;
    }

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }

    public void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
