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
 * attempts, malformed or oversized heads, silent callers. {@code dojo_edge_refusals_total{status, reason}}, the
 * reason being the answer's message as a slug ({@code malformed-request}, {@code request-timeout}…) — a fixed set,
 * never the caller's bytes. Without a meter registry (metrics off) nothing is counted.
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
        if (registry == null) {
            return;
        }
        counters.computeIfAbsent(status + " " + message, key -> Counter.builder("dojo.edge.refusals")
                .description("Requests the edge refused before routing, by status and reason")
                .tag("status", Integer.toString(status)).tag("reason", slug(message))
                .register(registry)).increment();
    }

    static String slug(String message) {
        return message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
