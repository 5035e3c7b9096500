package dev.dojo.main.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * Per-client-IP limit on the POSTs that guess passwords or mass-create accounts.
 *
 * @param paths    exact paths limited (POST only); each path has its own budget
 * @param requests requests allowed per client IP and path within {@code per}
 * @param per      the window length
 */
@ConfigurationProperties("dojo.rate-limit")
public record RateLimitSettings(
        @Bindable(defaultValue = "/auth/login,/auth/register") List<String> paths,
        @Bindable(defaultValue = "10") int requests,
        @Bindable(defaultValue = "1m") Duration per) {
}
