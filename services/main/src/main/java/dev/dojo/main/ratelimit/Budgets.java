package dev.dojo.main.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import java.util.concurrent.CompletableFuture;

/** Where the token buckets live: this process, or Redis shared by every replica of main. */
public interface Budgets extends AutoCloseable {

    /**
     * Takes one token from the bucket of {@code key}, made with {@code limit} when it is new (a key's limit never
     * changes); the probe says whether there was one, else how long to wait.
     */
    CompletableFuture<ConsumptionProbe> take(String key, BucketConfiguration limit);

    @Override
    default void close() {
    }
}
