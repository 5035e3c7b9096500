package dev.dojo.main.edge;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How long main waits for a caller.
 *
 * @param headTimeout     from the first byte of a request head to its end: a caller that sends half a head and
 *                        stops is answered 408 and closed
 * @param bodyIdleTimeout how long a request body may stay silent while main is ready to read it (main's own
 *                        back-pressure, a service slow to take the body, does not count)
 */
@ConfigurationProperties("dojo.edge")
public record EdgeSettings(
        @Bindable(defaultValue = "10s") Duration headTimeout,
        @Bindable(defaultValue = "10s") Duration bodyIdleTimeout) {
}
