package dev.dojo.main.ratelimit;

import dev.dojo.testing.LogCapture;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared budgets in the machine's real Redis (127.0.0.1:6379, or DOJO_TEST_REDIS_URL) when Redis stops
 * answering: each check waits {@code redis-timeout} at most, then this replica's own budget decides (a Redis outage
 * neither opens the limit nor stops logins), with one warning a minute however many checks fail; once Redis answers
 * again the shared budget continues where it was. Redis is made to stall with {@code CLIENT PAUSE}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisBudgetsTest {

    private static final String REDIS = System.getenv().getOrDefault("DOJO_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    private static final int CAPACITY = 5;

    private final BucketConfiguration configuration = BudgetsFactory.window(CAPACITY, Duration.ofMinutes(1));
    private final RateLimitSettings settings = new RateLimitSettings(List.of("/auth/login"), CAPACITY,
            null, Duration.ofMinutes(1), 100, REDIS, "dojo-test:" + UUID.randomUUID() + ":", Duration.ofMillis(200));
    private final LocalBudgets local = new LocalBudgets(settings, TimeMeter.SYSTEM_MILLISECONDS);
    private final RedisBudgets budgets = new RedisBudgets(settings, TimeMeter.SYSTEM_MILLISECONDS,
            local);
    private final RedisClient admin = RedisClient.create(REDIS);
    private final StatefulRedisConnection<String, String> adminConnection = admin.connect();

    @AfterAll
    void close() {
        budgets.close();
        adminConnection.close();
        admin.shutdown();
    }

    @Test
    void whileRedisStallsTheReplicasOwnBudgetDecidesAndOneWarningIsLogged() throws Exception {
        assertEquals(List.of(4L, 3L, 2L), List.of(remaining("client"), remaining("client"), remaining("client")));
        assertEquals(List.of(4L, 3L), List.of(remaining("other"), remaining("other")));

        List<String> warnings;
        try (LogCapture log = LogCapture.of(RedisBudgets.class)) {
            adminConnection.sync().clientPause(3_000);
            // this replica's own bucket for the client: full, as it never saw the three checks above
            assertEquals(4L, remaining("client"));
            assertEquals(3L, remaining("client"));
            warnings = log.warnings();
        }
        assertEquals(1, warnings.size(), "one warning for two failed checks within a minute: " + warnings);
        assertTrue(warnings.get(0).contains("Redis failed"), warnings.get(0));

        // answered once the pause is over (the stalled checks above may still land in Redis then, so "other",
        // which none of them touched, shows where the answer comes from: Redis has 3 left, this replica 5)
        assertEquals("PONG", adminConnection.sync().ping());
        assertEquals(2L, remaining("other"));
    }

    @Test
    void anUnreachableRedisStopsTheStartNamingTheSetting() {
        RateLimitSettings nowhere = new RateLimitSettings(List.of("/auth/login"), CAPACITY, null, Duration.ofMinutes(1), 100,
                "redis://127.0.0.1:1", "p:", Duration.ofMillis(200));
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> new RedisBudgets(nowhere, TimeMeter.SYSTEM_MILLISECONDS, local));
        assertTrue(failure.getMessage().contains("dojo.rate-limit.redis-url"), failure.getMessage());
    }

    private long remaining(String key) throws Exception {
        return budgets.take(key, configuration).get(30, TimeUnit.SECONDS).getRemainingTokens();
    }
}
