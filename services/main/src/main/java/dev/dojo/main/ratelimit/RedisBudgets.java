package dev.dojo.main.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buckets in Redis through bucket4j's Lettuce integration (compare-and-swap, no Lua), so every replica of main draws
 * on one budget per client. Keys expire once their bucket would be full again. Should Redis fail or be slow, this
 * replica's own budget decides, so a Redis outage neither opens the limit nor stops logins.
 */
public final class RedisBudgets implements Budgets {

    private static final Logger LOG = LoggerFactory.getLogger(RedisBudgets.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final AsyncProxyManager<String> buckets;
    private final Budgets fallback;
    private final long timeoutMillis;
    private final String keyPrefix;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    public RedisBudgets(RateLimitSettings settings, TimeMeter clock, Budgets fallback) {
        this.fallback = fallback;
        this.timeoutMillis = settings.redisTimeout().toMillis();
        this.keyPrefix = settings.redisKeyPrefix();
        this.client = RedisClient.create(settings.redisUrl());
        try {
            this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException("cannot reach Redis at dojo.rate-limit.redis-url (env DOJO_REDIS_URL): "
                    + e.getMessage(), e);
        }
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .clientClock(clock)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(1)))
                .build()
                .asAsync();
    }

    @Override
    public CompletableFuture<ConsumptionProbe> take(String key, BucketConfiguration limit) {
        return buckets.builder().build(keyPrefix + key, limit)
                .tryConsumeAndReturnRemaining(1)
                .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> {
                    warn(failure);
                    return fallback.take(key, limit);
                });
    }

    private void warn(Throwable failure) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn("rate limit: Redis failed ({}); this replica's own budgets decide until it answers again",
                    String.valueOf(failure));
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
