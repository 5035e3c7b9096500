package dev.dojo.main.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A service's resilience4j circuit breaker, set up to stop sending requests to a service that keeps failing, so
 * callers get an immediate 503 instead of each waiting out a connect timeout, and the service gets room to recover.
 * <p>
 * CLOSED: requests pass; {@code failureThreshold} consecutive transport failures (a count window of that size, all
 * failed) open it. OPEN: requests are refused until {@code openFor} has passed. HALF_OPEN: exactly one trial request
 * passes; its success closes the circuit, its failure opens it again. Only transport failures count (refused, timed
 * out, broken answer): a service that answers, even with a 500, is up; a call that failed because of its caller
 * (stalled or malformed body, caller gone) is released without an outcome.
 * <p>
 * The breaker lives in main's {@link CircuitBreakerRegistry} under the service's name, which puts its state and calls
 * into Micrometer ({@code resilience4j_circuitbreaker_*}, {@code observability.CircuitBreakerMetrics}).
 */
public final class ServiceCircuit {

    private final CircuitBreaker breaker;
    private final Duration openFor;
    private final Clock clock;
    private volatile Instant openedAt;

    public ServiceCircuit(CircuitBreakerRegistry registry, String service, int failureThreshold, Duration openFor,
                          Clock clock) {
        int threshold = Math.max(1, failureThreshold);
        this.openFor = openFor;
        this.clock = clock;
        this.openedAt = clock.instant();
        this.breaker = registry.circuitBreaker(service, CircuitBreakerConfig.custom()
                .slidingWindow(threshold, threshold, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt = clock.instant();
            }
        });
    }

    /** Whether a request may go to the service now; a {@code true} must be followed by one outcome call. */
    public boolean tryAcquire() {
        return breaker.tryAcquirePermission();
    }

    /** The service answered. Durations are not recorded: slowness is the read timeout's business. */
    public void onSuccess() {
        breaker.onSuccess(0, TimeUnit.NANOSECONDS);
    }

    public void onFailure(Throwable failure) {
        breaker.onError(0, TimeUnit.NANOSECONDS, failure);
    }

    /** No outcome for the service (the caller went away or was at fault): let another request be the trial. */
    public void onAbandoned() {
        breaker.releasePermission();
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    /** Seconds until an open circuit lets a trial through (at least 1), for {@code Retry-After}. */
    public long retryAfterSeconds() {
        long remaining = openFor.minus(Duration.between(openedAt, clock.instant())).toNanos();
        return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }
}
