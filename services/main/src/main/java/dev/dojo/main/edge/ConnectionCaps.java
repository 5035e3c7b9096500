package dev.dojo.main.edge;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many callers' connections main holds at once: in all ({@code dojo.edge.max-connections}), per client
 * ({@code dojo.edge.max-connections-per-client}) and per site ({@code dojo.edge.max-connections-per-site}), a client
 * and its site being a {@link ClientNetwork.Caller}. Each connection costs main a file descriptor and about 4 KB of
 * heap whether or not it ever sends a request, and Micronaut keeps an idle one for its idle timeout (5 min): without
 * a cap one caller holding connections open exhausts either, and every other caller is refused or main dies of an
 * OutOfMemoryError (ADR 0071); without the site's, one IPv6 /48 — 65,536 clients — fills the cap in all from 40 of
 * them (ADR 0072). A cap of 0 is no cap. Neither Netty nor Micronaut has such a cap; resilience4j's per-name
 * bulkheads would, but keep every client's entry for ever.
 */
@Singleton
public class ConnectionCaps {

    /** Why a connection was not admitted, as counted in {@code dojo_edge_refusals_total{reason}}. */
    static final String TOO_MANY = "Too many connections";
    static final String TOO_MANY_FROM_CLIENT = "Too many connections from one client";
    static final String TOO_MANY_FROM_SITE = "Too many connections from one network";

    private final int total;
    private final int perClient;
    private final int perSite;
    private final AtomicInteger open = new AtomicInteger();
    /** Clients and sites holding at least one connection; an entry goes with its last connection. */
    private final Map<String, Integer> byClient = new ConcurrentHashMap<>();
    private final Map<String, Integer> bySite = new ConcurrentHashMap<>();

    public ConnectionCaps(EdgeSettings settings) {
        this.total = settings.maxConnections();
        this.perClient = settings.maxConnectionsPerClient();
        this.perSite = settings.maxConnectionsPerSite();
    }

    /**
     * Takes a place for a new connection of {@code caller}: null when admitted ({@link #release} must follow when
     * it closes), else the reason it is not.
     */
    String admit(ClientNetwork.Caller caller) {
        // each count is taken first and given back when over: a concurrent admit may see the other's place for an
        // instant and be refused, never admitted beyond the cap
        if (total > 0 && open.incrementAndGet() > total) {
            open.decrementAndGet();
            return TOO_MANY;
        }
        if (!take(byClient, caller.client(), perClient)) {
            releaseTotal();
            return TOO_MANY_FROM_CLIENT;
        }
        if (caller.site() != null && !take(bySite, caller.site(), perSite)) {
            give(byClient, caller.client(), perClient);
            releaseTotal();
            return TOO_MANY_FROM_SITE;
        }
        return null;
    }

    /** Gives back the place of an admitted connection of {@code caller} that closed. */
    void release(ClientNetwork.Caller caller) {
        releaseTotal();
        give(byClient, caller.client(), perClient);
        if (caller.site() != null) {
            give(bySite, caller.site(), perSite);
        }
    }

    /** Counts one more connection of {@code key}: false (and nothing counted) when it already holds {@code cap}. */
    private static boolean take(Map<String, Integer> held, String key, int cap) {
        if (cap <= 0) {
            return true;
        }
        if (held.merge(key, 1, Integer::sum) > cap) {
            give(held, key, cap);
            return false;
        }
        return true;
    }

    private static void give(Map<String, Integer> held, String key, int cap) {
        if (cap > 0) {
            held.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
        }
    }

    private void releaseTotal() {
        if (total > 0) {
            open.decrementAndGet();
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

    /** Sites holding at least one connection (with a per-site cap; 0 without one). */
    int sites() {
        return bySite.size();
    }
}
