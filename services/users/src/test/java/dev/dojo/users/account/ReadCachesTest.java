package dev.dojo.users.account;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.dojo.testing.Eventually;
import dev.dojo.users.UsersTest;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two read caches on real PostgreSQL with a ticker the test moves: one database read per expiry however many
 * requests arrive while it runs (single flight), none while fresh, a new one after the read-cache time, and refusals
 * never kept. The repository is the real one, wrapped to count (and hold) its reads.
 */
@MicronautTest(transactional = false)
class ReadCachesTest extends UsersTest {

    private static final Duration TTL = Duration.ofSeconds(1);
    private static final int CALLERS = 20;

    @Inject
    UserRepository realUsers;
    @Inject
    Accounts accounts;
    @Inject
    JsonMapper json;

    private final ExecutorService blocking = Executors.newCachedThreadPool();
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final AtomicInteger reads = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    /** Each test starts from the same state, whichever ran before it: gate open, no reads counted, ticker at 0. */
    @BeforeEach
    void freshState() {
        gate = new CountDownLatch(0);
        reads.set(0);
        nanos.set(0);
    }

    @AfterAll
    void stop() {
        blocking.shutdownNow();
    }

    @Test
    void anExpiredUserIsReadOnceHoweverManyAskMeanwhile() throws Exception {
        User user = accounts.create(unique(), unique() + "@example.com", "a long enough password", false);
        ActiveUserCache cache = new ActiveUserCache(counting("findById"), blocking, new ReadCacheSettings(TTL), ticker);

        assertEquals(user.id(), allAtOnce(() -> cache.find(user.id())).id());
        assertEquals(1, reads.get(), "one read for " + CALLERS + " concurrent requests");
        cache.find(user.id()).get(30, TimeUnit.SECONDS);
        assertEquals(1, reads.get(), "fresh: answered from memory");

        nanos.addAndGet(TTL.toNanos());
        allAtOnce(() -> cache.find(user.id()));
        assertEquals(2, reads.get(), "expired: read again, once");
    }

    /**
     * Caffeine drops a failed load when it completes, on the loading thread, so a request in the instant between
     * the refusal and that removal may still share it: each round asks until a request reads again. A kept
     * refusal never would (the ticker stands still), and the round fails at the deadline.
     */
    @Test
    void aRefusalIsNeverKept() throws Exception {
        ActiveUserCache cache = new ActiveUserCache(counting("findById"), blocking, new ReadCacheSettings(TTL), ticker);
        for (int round = 1; round <= 3; round++) {
            int expected = round;
            Eventually.untilAsserted("refusal " + round + " comes from the database", () -> {
                CompletableFuture<User> missing = cache.find(Long.MAX_VALUE);
                Exception refused = assertThrows(Exception.class, () -> missing.get(30, TimeUnit.SECONDS));
                assertTrue(String.valueOf(refused.getCause()).contains("Something went wrong"), refused::toString);
                assertEquals(expected, reads.get(), "each refusal comes from the database");
            });
        }
    }

    @Test
    void theUserListIsReadOnceAndAWriteHereShowsAtOnce() throws Exception {
        UserListCache cache = new UserListCache(counting("findNewestFirst"), json, blocking,
                new ReadCacheSettings(TTL), ticker);
        byte[] first = allAtOnce(cache::newestFirstJson);
        assertEquals(1, reads.get(), "one read for " + CALLERS + " concurrent requests");
        assertArrayEquals(first, cache.newestFirstJson().get(30, TimeUnit.SECONDS));
        assertEquals(1, reads.get());

        String name = unique();
        accounts.create(name, name + "@example.com", "a long enough password", false);
        cache.invalidate();
        assertTrue(new String(cache.newestFirstJson().get(30, TimeUnit.SECONDS)).contains(name));
        assertEquals(2, reads.get());

        nanos.addAndGet(TTL.toNanos());
        allAtOnce(cache::newestFirstJson);
        assertEquals(3, reads.get(), "expired: read again, once");
    }

    @Test
    void zeroTurnsTheCachesOff() throws Exception {
        User user = accounts.create(unique(), unique() + "@example.com", "a long enough password", false);
        ActiveUserCache cache = new ActiveUserCache(counting("findById"), blocking,
                new ReadCacheSettings(Duration.ZERO), ticker);
        cache.find(user.id()).get(30, TimeUnit.SECONDS);
        cache.find(user.id()).get(30, TimeUnit.SECONDS);
        assertEquals(2, reads.get());
    }

    /**
     * Asks {@link #CALLERS} times while the database read is held, then lets it finish: every request arrived
     * before any read completed.
     */
    private <T> T allAtOnce(java.util.function.Supplier<CompletableFuture<T>> ask) throws Exception {
        gate = new CountDownLatch(1);
        List<CompletableFuture<T>> answers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            answers.add(ask.get());
        }
        gate.countDown();
        T first = answers.get(0).get(30, TimeUnit.SECONDS);
        for (CompletableFuture<T> answer : answers) {
            assertEquals(first, answer.get(30, TimeUnit.SECONDS));
        }
        return first;
    }

    /** The real repository; calls of {@code method} are counted and wait for the gate. */
    private UserRepository counting(String method) {
        reads.set(0);
        return (UserRepository) Proxy.newProxyInstance(UserRepository.class.getClassLoader(),
                new Class<?>[] {UserRepository.class}, (proxy, called, args) -> {
                    if (called.getName().equals(method)) {
                        reads.incrementAndGet();
                        if (!gate.await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("gate never opened");
                        }
                    }
                    try {
                        return called.invoke(realUsers, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String unique() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    }
}
