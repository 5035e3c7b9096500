package dev.dojo.main.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The rate limit's clock, moved by the test instead of by time ({@code test.manual-clock=true}). */
@Singleton
@Requires(property = "test.manual-clock", value = "true")
@Replaces(bean = TimeMeter.class, factory = BudgetsFactory.class)
public class ManualClock implements TimeMeter {

    private final AtomicLong nanos = new AtomicLong(Duration.ofDays(20_000).toNanos());

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
