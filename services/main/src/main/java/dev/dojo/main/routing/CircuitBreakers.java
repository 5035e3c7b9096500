package dev.dojo.main.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The one resilience4j registry that holds every route's breaker, so metrics and health can find them all. */
@Factory
public class CircuitBreakers {

    @Singleton
    CircuitBreakerRegistry circuitBreakerRegistry() {
        return CircuitBreakerRegistry.ofDefaults();
    }
}
