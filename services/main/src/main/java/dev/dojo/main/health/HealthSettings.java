package dev.dojo.main.health;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param downstreamTimeout how long {@code /health} waits for each service's readiness (all are asked at once)
 */
@ConfigurationProperties("dojo.health")
public record HealthSettings(@Bindable(defaultValue = "1s") Duration downstreamTimeout) {
}
