package dev.dojo.users.account;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.dojo.common.envelope.Messages;
import dev.dojo.common.errors.Rejection;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Active accounts by id, read by primary key and kept for the read-cache time, for {@code GET /auth/status}
 * (docs/adr/0012). Caffeine loads each id once however many requests ask for it meanwhile (no stampede on the
 * database when an entry expires). Only active accounts are kept: a refusal fails the load, and Caffeine keeps no
 * failed load, so a refusal always reflects the database.
 */
@Singleton
public class ActiveUserCache {

    private static final int MAX_ENTRIES = 10_000;

    private final UserRepository users;
    private final ExecutorService blocking;
    /** Null when the read-cache time is zero: every request reads the row. */
    private final AsyncLoadingCache<Long, User> cache;

    @Inject
    public ActiveUserCache(UserRepository users, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                           ReadCacheSettings settings) {
        this(users, blocking, settings, Ticker.systemTicker());
    }

    ActiveUserCache(UserRepository users, ExecutorService blocking, ReadCacheSettings settings, Ticker ticker) {
        this.users = users;
        this.blocking = blocking;
        this.cache = settings.ttl().isZero() ? null : Caffeine.newBuilder()
                .expireAfterWrite(settings.ttl())
                .maximumSize(MAX_ENTRIES)
                .ticker(ticker)
                .executor(blocking)
                .buildAsync(this::load);
    }

    /** Completes with the active account, or fails with 401 "Something went wrong" when it is gone or inactive. */
    public CompletableFuture<User> find(long id) {
        return cache == null ? CompletableFuture.supplyAsync(() -> load(id), blocking) : cache.get(id);
    }

    private User load(long id) {
        return users.findById(id).filter(User::active)
                .orElseThrow(() -> new Rejection(HttpStatus.UNAUTHORIZED, Messages.USER_UNAVAILABLE));
    }
}
