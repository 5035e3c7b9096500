package dev.dojo.users.account;

import dev.dojo.common.envelope.Messages;
import dev.dojo.common.errors.Rejection;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Active accounts by id, read by primary key and kept for the read-cache time, for {@code GET /auth/status}.
 * Only active accounts are kept, so a refusal always reflects the database.
 */
@Singleton
public class ActiveUserCache {

    /** Past this many entries, expired ones are swept on the next insert. */
    private static final int SWEEP_AT = 10_000;

    private record Entry(User user, long loadedAt) {
    }

    private final UserRepository users;
    private final ExecutorService blocking;
    private final long ttlNanos;
    private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();

    public ActiveUserCache(UserRepository users, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                           ReadCacheSettings settings) {
        this.users = users;
        this.blocking = blocking;
        this.ttlNanos = settings.ttl().toNanos();
    }

    /** Completes with the active account, or fails with 401 "Something went wrong" when it is gone or inactive. */
    public CompletableFuture<User> find(long id) {
        long now = System.nanoTime();
        Entry entry = entries.get(id);
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return CompletableFuture.completedFuture(entry.user());
        }
        return CompletableFuture.supplyAsync(() -> {
            Optional<User> user = users.findById(id).filter(User::active);
            if (user.isEmpty()) {
                entries.remove(id);
                throw new Rejection(HttpStatus.UNAUTHORIZED, Messages.USER_UNAVAILABLE);
            }
            if (ttlNanos > 0) {
                if (entries.size() >= SWEEP_AT) {
                    entries.values().removeIf(old -> now - old.loadedAt() >= ttlNanos);
                }
                entries.put(id, new Entry(user.get(), now));
            }
            return user.get();
        }, blocking);
    }
}
