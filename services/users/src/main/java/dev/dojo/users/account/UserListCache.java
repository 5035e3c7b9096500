package dev.dojo.users.account;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.dojo.common.envelope.Envelope;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericArgument;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The answer of {@code GET /users}, kept for the read-cache time as ready-to-send JSON: served on the event loop
 * while fresh, reloaded on a blocking thread when stale or when an account was created here since it was read.
 * Keeping the bytes rather than the objects spares serializing 100+ rows on every request (docs/adr/0013). Caffeine
 * runs one load at a time, which every request arriving meanwhile shares (no stampede on the database at expiry).
 */
@Singleton
public class UserListCache {

    private static final Argument<Envelope<UserList>> BODY = new GenericArgument<>() {
    };
    /** The one entry: the whole list. */
    private static final String ALL = "all";

    private final UserRepository users;
    private final JsonMapper json;
    private final ExecutorService blocking;
    /** Null when the read-cache time is zero: every request reads the table. */
    private final AsyncLoadingCache<String, byte[]> cache;

    @Inject
    public UserListCache(UserRepository users, JsonMapper json, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                         ReadCacheSettings settings) {
        this(users, json, blocking, settings, Ticker.systemTicker());
    }

    UserListCache(UserRepository users, JsonMapper json, ExecutorService blocking, ReadCacheSettings settings,
                  Ticker ticker) {
        this.users = users;
        this.json = json;
        this.blocking = blocking;
        this.cache = settings.ttl().isZero() ? null : Caffeine.newBuilder()
                .expireAfterWrite(settings.ttl())
                .ticker(ticker)
                .executor(blocking)
                .buildAsync(key -> load());
    }

    /** The envelope with every user, newest first, serialized; callers must not modify the array. */
    public CompletableFuture<byte[]> newestFirstJson() {
        return cache == null ? CompletableFuture.supplyAsync(this::load, blocking) : cache.get(ALL);
    }

    /**
     * An account was added: the next read goes to the database. A load already under way is dropped from the cache
     * (Caffeine discards it), so no request arriving after the write is answered from a read made before it.
     */
    void invalidate() {
        if (cache != null) {
            cache.synchronous().invalidate(ALL);
        }
    }

    private byte[] load() {
        try {
            return json.writeValueAsBytes(BODY, Envelope.data(
                    new UserList(users.findNewestFirst().stream().map(UserView::of).toList())));
        } catch (IOException e) {
            throw new UncheckedIOException("serializing the user list", e);
        }
    }
}
