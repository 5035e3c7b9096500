package dev.dojo.users.account;

import dev.dojo.common.envelope.Envelope;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericArgument;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The answer of {@code GET /users}, kept for a moment as ready-to-send JSON: served on the event loop while fresh,
 * reloaded on a blocking thread when stale or when an account was created here since it was read. Keeping the bytes
 * rather than the objects spares serializing 100+ rows on every request (docs/adr/0013).
 */
@Singleton
public class UserListCache {

    private static final Argument<Envelope<UserList>> BODY = new GenericArgument<>() {
    };

    private record Snapshot(byte[] json, long loadedAt, long version) {
    }

    private final UserRepository users;
    private final JsonMapper json;
    private final ExecutorService blocking;
    private final long ttlNanos;
    private final AtomicLong version = new AtomicLong();
    private volatile Snapshot snapshot;

    public UserListCache(UserRepository users, JsonMapper json, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                         ReadCacheSettings settings) {
        this.users = users;
        this.json = json;
        this.blocking = blocking;
        this.ttlNanos = settings.ttl().toNanos();
    }

    /** The envelope with every user, newest first, serialized; callers must not modify the array. */
    public CompletableFuture<byte[]> newestFirstJson() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current != null && current.version() == version.get() && now - current.loadedAt() < ttlNanos) {
            return CompletableFuture.completedFuture(current.json());
        }
        long loadingVersion = version.get();
        return CompletableFuture.supplyAsync(() -> {
            byte[] body = serialize(Envelope.data(
                    new UserList(users.findNewestFirst().stream().map(UserView::of).toList())));
            snapshot = new Snapshot(body, now, loadingVersion);
            return body;
        }, blocking);
    }

    private byte[] serialize(Envelope<UserList> body) {
        try {
            return json.writeValueAsBytes(BODY, body);
        } catch (IOException e) {
            throw new UncheckedIOException("serializing the user list", e);
        }
    }

    /** An account was added: the next read goes to the database. */
    void invalidate() {
        version.incrementAndGet();
    }
}
