package dev.dojo.main.edge;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many callers' connections main holds at once: in all ({@code dojo.edge.max-connections}) and per client
 * ({@code dojo.edge.max-connections-per-client}, a client being its {@link ClientNetwork}). Each connection costs
 * main a file descriptor and about 4 KB of heap whether or not it ever sends a request, and Micronaut keeps an idle
 * one for its idle timeout (5 min): without a cap one caller holding connections open exhausts either, and every
 * other caller is refused or main dies of an OutOfMemoryError (ADR 0071). A cap of 0 is no cap. Neither Netty nor
 * Micronaut has such a cap; resilience4j's per-name bulkheads would, but keep every client's entry for ever.
 */
@Singleton
public class ConnectionCaps {

    /** Why a connection was not admitted, as counted in {@code dojo_edge_refusals_total{reason}}. */
    static final String TOO_MANY = "Too many connections";
    static final String TOO_MANY_FROM_CLIENT = "Too many connections from one client";

    private final int total;
    private final int perClient;
    private final AtomicInteger open = new AtomicInteger();
    /** Clients holding at least one connection; an entry goes with its client's last connection. */
    private final Map<String, Integer> byClient = new ConcurrentHashMap<>();

    public ConnectionCaps(EdgeSettings settings) {
        this.total = settings.maxConnections();
        this.perClient = settings.maxConnectionsPerClient();
    }

    /**
     * Takes a place for a new connection of {@code client}: null when admitted ({@link #release} must follow when
     * it closes), else the reason it is not.
     */
    String admit(String client) {
        // each count is taken first and given back when over: a concurrent admit may see the other's place for an
        // instant and be refused, never admitted beyond the cap
        if (total > 0 && open.incrementAndGet() > total) {
            open.decrementAndGet();
            return TOO_MANY;
        }
        if (perClient > 0 && byClient.merge(client, 1, Integer::sum) > perClient) {
            release(client);
            return TOO_MANY_FROM_CLIENT;
        }
        return null;
    }

    /** Gives back the place of an admitted connection of {@code client} that closed. */
    void release(String client) {
        if (total > 0) {
            open.decrementAndGet();
        }
        if (perClient > 0) {
            byClient.computeIfPresent(client, (key, held) -> held <= 1 ? null : held - 1);
        }
    }

    /** Connections held now (with a total cap; 0 without one). */
    int open() {
        return open.get();
    }

    /** Clients holding at least one connection (with a per-client cap; 0 without one). */
    int clients() {
        return byClient.size();
    }
}
