package dev.dojo.users.account;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How long the hot reads ({@code GET /users}, the user row behind {@code GET /auth/status}) may be served from
 * memory ({@code dojo.read-cache.ttl}, env {@code DOJO_READ_CACHE_TTL}; {@code 0s} turns caching off). Writes made
 * by this instance show at once; writes made by another replica show within this time (docs/adr/0012).
 */
@ConfigurationProperties("dojo.read-cache")
public record ReadCacheSettings(@Bindable(defaultValue = "1s") Duration ttl) {
}
