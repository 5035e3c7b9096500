package dev.dojo.main.observability;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.CircuitBreakerMetricNames;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Every route's circuit breaker in Micrometer, through resilience4j's own binder: {@code
 * resilience4j_circuitbreaker_state{name="users",state="open"} 1}, its window (buffered calls, failure rate) and
 * the calls an open breaker refused (docs/observability.md). Micronaut binds every {@link MeterBinder} bean to
 * main's registry and applies every {@link MeterFilter} bean to it.
 */
@Factory
@Requires(bean = MeterRegistry.class)
public class CircuitBreakerMetrics {

    @Singleton
    MeterBinder circuitBreakerMetrics(CircuitBreakerRegistry breakers) {
        return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers);
    }

    /**
     * Leaves out the binder's per-call timer ({@code resilience4j_circuitbreaker_calls_seconds}): it would time
     * every proxied request a second time — without a duration, the breaker is given none — beside {@code
     * dojo_gateway_requests_seconds}, which has each call's route, status and latency, and it was about 1 % of
     * main's CPU (docs/performance.md, session 22). A denied meter is a no-op, so the binder's event consumer
     * records nothing.
     */
    @Singleton
    MeterFilter noSecondTimerPerCall() {
        return MeterFilter.deny(id -> CircuitBreakerMetricNames.DEFAULT_CIRCUIT_BREAKER_CALLS.equals(id.getName()));
    }
}
