package dev.dojo.main.routing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * What every route shares (each service's client settings are {@code micronaut.http.services.<name>}).
 *
 * @param trustForwardedHeaders whether an {@code X-Forwarded-For} from the caller is kept (only behind a trusted
 *                              proxy such as an ingress); at the edge it is replaced by the socket's address
 * @param circuitBreaker        when to stop calling a failing service for a while
 */
@ConfigurationProperties("dojo.gateway")
public record GatewaySettings(
        @Bindable(defaultValue = "false") boolean trustForwardedHeaders,
        CircuitBreakerSettings circuitBreaker) {

    public GatewaySettings {
        if (circuitBreaker == null) {
            circuitBreaker = new CircuitBreakerSettings(5, Duration.ofSeconds(10));
        }
    }

    /**
     * @param failureThreshold consecutive transport failures (refused, timed out) that open the circuit
     * @param openFor          how long an open circuit fails fast before one trial request is let through
     */
    @ConfigurationProperties("circuit-breaker")
    public record CircuitBreakerSettings(
            @Bindable(defaultValue = "5") int failureThreshold,
            @Bindable(defaultValue = "10s") Duration openFor) {
    }
}
