package dev.dojo.main.routing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Defaults every route shares unless it overrides them.
 *
 * @param connectTimeout        how long to wait for a TCP connection to a service: a service that is down is reported
 *                              within this time
 * @param readTimeout           how long to wait for a service's answer before answering 504
 * @param trustForwardedHeaders whether an {@code X-Forwarded-For} from the caller is kept (only behind a trusted
 *                              proxy such as an ingress); at the edge it is replaced by the socket's address
 * @param circuitBreaker        when to stop calling a failing service for a while
 */
@ConfigurationProperties("dojo.gateway")
public record GatewaySettings(
        @Bindable(defaultValue = "2s") Duration connectTimeout,
        @Bindable(defaultValue = "30s") Duration readTimeout,
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
