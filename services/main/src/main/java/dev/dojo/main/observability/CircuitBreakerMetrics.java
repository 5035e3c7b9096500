package dev.dojo.main.observability;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Every route's circuit breaker in Micrometer, through resilience4j's own binder: {@code
 * resilience4j_circuitbreaker_state{name="users",state="open"} 1}, calls by outcome, refused calls, failure rate
 * (docs/observability.md). Micronaut binds every {@link MeterBinder} bean to main's registry.
 */
@Factory
@Requires(bean = MeterRegistry.class)
public class CircuitBreakerMetrics {

    @Singleton
    MeterBinder circuitBreakerMetrics(CircuitBreakerRegistry breakers) {
        return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers);
    }
}
