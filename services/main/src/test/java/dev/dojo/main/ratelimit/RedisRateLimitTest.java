package dev.dojo.main.ratelimit;

import dev.dojo.main.FakeService;
import dev.dojo.main.Http;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two replicas of main with {@code dojo.rate-limit.redis-url} draw on one budget per client in the machine's real
 * Redis (127.0.0.1:6379, or DOJO_TEST_REDIS_URL); each run uses keys of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisRateLimitTest {

    private static final String REDIS = System.getenv().getOrDefault("DOJO_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    private final FakeService users = FakeService.start("users");
    private final Map<String, Object> properties = Map.of(
            "micronaut.http.services.users.url", users.url(),
            "dojo.rate-limit.requests", "10",
            "dojo.rate-limit.redis-url", REDIS,
            "dojo.rate-limit.redis-key-prefix", "dojo-test:" + UUID.randomUUID() + ":",
            "test.manual-clock", "true",
            "micronaut.server.port", "-1");
    private final EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    private final EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test");

    @AfterAll
    void stop() {
        first.close();
        second.close();
        users.close();
    }

    @Test
    void replicasShareOneBudgetAndItComesBackAfterTheWindow() {
        assertEquals(RedisBudgets.class, first.getApplicationContext().getBean(Budgets.class).getClass());
        for (int i = 0; i < 10; i++) {
            EmbeddedServer replica = i % 2 == 0 ? first : second;
            assertEquals(200, login(replica, "/auth/login"), "attempt " + (i + 1));
        }
        assertEquals(429, login(first, "/auth/login"));
        assertEquals(429, login(second, "/auth/login/"));
        assertEquals(200, login(second, "/auth/register"), "register has a budget of its own");
        // both replicas' clocks move together, as wall clocks do
        first.getApplicationContext().getBean(ManualClock.class).advance(Duration.ofMinutes(1));
        second.getApplicationContext().getBean(ManualClock.class).advance(Duration.ofMinutes(1));
        assertEquals(200, login(second, "/auth/login"));
    }

    private static int login(EmbeddedServer replica, String path) {
        return Http.send(Http.request("http://127.0.0.1:" + replica.getPort(), path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a@b.c\",\"password\":\"x\"}"))).statusCode();
    }
}
