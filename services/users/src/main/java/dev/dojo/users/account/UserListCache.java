package dev.dojo.users.account;

import dev.dojo.common.envelope.Envelope;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The answer of {@code GET /users}, kept for a moment: served on the event loop while fresh, reloaded on a
 * blocking thread when stale or when an account was created here since it was read.
 */
@Singleton
public class UserListCache {

    private record Snapshot(Envelope<UserList> body, long loadedAt, long version) {
    }

    private final UserRepository users;
    private final ExecutorService blocking;
    private final long ttlNanos;
    private final AtomicLong version = new AtomicLong();
    private volatile Snapshot snapshot;

    public UserListCache(UserRepository users, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                         ReadCacheSettings settings) {
        this.users = users;
        this.blocking = blocking;
        this.ttlNanos = settings.ttl().toNanos();
    }

    public CompletableFuture<Envelope<UserList>> newestFirst() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current != null && current.version() == version.get() && now - current.loadedAt() < ttlNanos) {
            return CompletableFuture.completedFuture(current.body());
        }
        long loadingVersion = version.get();
        return CompletableFuture.supplyAsync(() -> {
            Envelope<UserList> body = Envelope.data(
                    new UserList(users.findNewestFirst().stream().map(UserView::of).toList()));
            snapshot = new Snapshot(body, now, loadingVersion);
            return body;
        }, blocking);
    }

    /** An account was added: the next read goes to the database. */
    void invalidate() {
        version.incrementAndGet();
    }
}
