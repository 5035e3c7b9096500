package dev.dojo.main.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.util.concurrent.CompletableFuture;

/**
 * Buckets in this process, in a Caffeine cache bounded by size (a flood of new addresses evicts, never sweeps) and
 * by time (a bucket unused for a whole window is full again anyway, so it may go).
 */
public final class LocalBudgets implements Budgets {

    private final Cache<String, Bucket> buckets;
    private final TimeMeter clock;

    public LocalBudgets(RateLimitSettings settings, TimeMeter clock) {
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.maxClients())
                .expireAfterAccess(settings.per())
                .ticker(clock::currentTimeNanos)
                .build();
    }

    @Override
    public CompletableFuture<ConsumptionProbe> take(String key, BucketConfiguration limit) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(limit.getBandwidths()[0])
                .withCustomTimePrecision(clock)
                .build());
        return CompletableFuture.completedFuture(bucket.tryConsumeAndReturnRemaining(1));
    }

    /** How many buckets are held now (for tests of the bound). */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
