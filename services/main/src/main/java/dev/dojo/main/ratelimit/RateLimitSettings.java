package dev.dojo.main.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * Per-client limit on the POSTs that guess passwords or mass-create accounts.
 *
 * @param paths      limited paths (POST only), in canonical form (dev.dojo.main.routing.EdgePath); each has its own
 *                   budget, which every variant of the path a service would route to the same handler shares
 * @param requests   requests allowed per client (dev.dojo.main.edge.ClientNetwork) and path within {@code per}
 * @param requestsPerSite requests allowed per site (an IPv6 /48, shared by its 65,536 /64 clients) and path within
 *                   {@code per}; unset: four times {@code requests} (ADR 0072)
 * @param per        the window: a client's budget is refilled whole {@code per} after its first request
 * @param maxClients how many (client, path) budgets main keeps in memory; the least used are dropped first, so a
 *                   flood of one-off addresses costs bounded memory and no sweep
 * @param redisUrl   a Redis URL ({@code redis://host:6379}): the budgets live there and every replica of main
 *                   shares them; empty keeps them in this process
 * @param redisKeyPrefix prefix of every budget's Redis key (replicas of one deployment share it)
 * @param redisTimeout how long a budget check may wait for Redis before this replica's own budget decides instead
 */
@ConfigurationProperties("dojo.rate-limit")
public record RateLimitSettings(
        @Bindable(defaultValue = "/auth/login,/auth/register") List<String> paths,
        @Bindable(defaultValue = "10") int requests,
        @Nullable Integer requestsPerSite,
        @Bindable(defaultValue = "1m") Duration per,
        @Bindable(defaultValue = "100000") int maxClients,
        @Nullable String redisUrl,
        @Bindable(defaultValue = "dojo:rate-limit:") String redisKeyPrefix,
        @Bindable(defaultValue = "500ms") Duration redisTimeout) {

    public RateLimitSettings {
        if (requests < 1) {
            throw new IllegalStateException("dojo.rate-limit.requests must be at least 1, was " + requests);
        }
        if (requestsPerSite == null) {
            requestsPerSite = (int) Math.min(Integer.MAX_VALUE, 4L * requests);
        }
        if (requestsPerSite < 1) {
            throw new IllegalStateException("dojo.rate-limit.requests-per-site must be at least 1, was "
                    + requestsPerSite);
        }
        if (maxClients < 1) {
            throw new IllegalStateException("dojo.rate-limit.max-clients must be at least 1, was " + maxClients);
        }
        if (redisKeyPrefix == null) {
            redisKeyPrefix = "dojo:rate-limit:";
        }
        if (redisTimeout == null) {
            redisTimeout = Duration.ofMillis(500);
        }
    }

    boolean redis() {
        return redisUrl != null && !redisUrl.isBlank();
    }
}
