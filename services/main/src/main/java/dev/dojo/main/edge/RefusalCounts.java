package dev.dojo.main.edge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many requests the edge refused itself, before any route, span or access line could see them: smuggling
 * attempts, malformed or oversized heads, silent callers, connections over a cap.
 * {@code dojo_edge_refusals_total{status, reason}}, the reason being the answer's message as a slug
 * ({@code malformed-request}, {@code request-timeout}…; status {@code none} for a connection closed without an
 * answer) — a fixed set, never the caller's bytes. Without a meter registry (metrics off) nothing is counted.
 */
@Singleton
public class RefusalCounts {

    @Nullable
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public RefusalCounts(@Nullable MeterRegistry registry) {
        this.registry = registry;
    }

    /** One refusal answered with {@code status} and one of {@link Refusals}' messages. */
    void count(int status, String message) {
        count(Integer.toString(status), message);
    }

    /** A connection closed without an answer (status {@code none}): over a {@link ConnectionCaps cap}, or silent. */
    void countClosed(String reason) {
        count("none", reason);
    }

    private void count(String status, String message) {
        if (registry == null) {
            return;
        }
        counters.computeIfAbsent(status + " " + message, key -> Counter.builder("dojo.edge.refusals")
                .description("Requests and connections the edge refused before routing, by status and reason")
                .tag("status", status).tag("reason", slug(message))
                .register(registry)).increment();
    }

    static String slug(String message) {
        return message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
