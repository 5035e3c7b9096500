package dev.dojo.main.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The buckets the rate limit draws on: in Redis when {@code dojo.rate-limit.redis-url} is set, else in memory. */
@Factory
public class BudgetsFactory {

    /** Wall-clock time: replicas sharing buckets in Redis must agree on it. Tests replace it with their own. */
    @Singleton
    TimeMeter rateLimitClock() {
        return TimeMeter.SYSTEM_MILLISECONDS;
    }

    @Singleton
    @Bean(preDestroy = "close")
    Budgets budgets(RateLimitSettings settings, TimeMeter clock) {
        LocalBudgets local = new LocalBudgets(settings, clock);
        return settings.redis() ? new RedisBudgets(settings, clock, local) : local;
    }

    /**
     * {@code requests} per window {@code per}, the whole budget coming back at once a window after the first
     * request: the 11th attempt within a window is refused whatever the spacing, as a fixed window would.
     */
    static BucketConfiguration window(int requests, Duration per) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(requests).refillIntervally(requests, per).build())
                .build();
    }
}
