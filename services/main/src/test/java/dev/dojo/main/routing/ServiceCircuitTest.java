package dev.dojo.main.routing;

import dev.dojo.testing.time.MovableClock;

import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceCircuitTest {

    private static final RuntimeException DOWN = new RuntimeException("refused");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ServiceCircuit circuit = new ServiceCircuit(CircuitBreakerRegistry.ofDefaults(), "users", 2,
            Duration.ofSeconds(10), clock);

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        circuit.tryAcquire();
        circuit.onFailure(DOWN);
        circuit.tryAcquire();
        circuit.onSuccess();
        circuit.tryAcquire();
        circuit.onFailure(DOWN);
        assertEquals(State.CLOSED, circuit.state());
        circuit.tryAcquire();
        circuit.onFailure(DOWN);
        assertEquals(State.OPEN, circuit.state());
        assertFalse(circuit.tryAcquire());
        assertEquals(10, circuit.retryAfterSeconds());
        clock.advance(Duration.ofMillis(7500));
        assertEquals(3, circuit.retryAfterSeconds());
    }

    /** The open period counts from the moment the circuit opened, not from its creation or an earlier state. */
    @Test
    void retryAfterCountsFromTheOpening() {
        clock.advance(Duration.ofSeconds(6));
        circuit.tryAcquire();
        circuit.onFailure(DOWN);
        circuit.tryAcquire();
        circuit.onFailure(DOWN);
        assertEquals(State.OPEN, circuit.state());
        assertEquals(10, circuit.retryAfterSeconds());
        clock.advance(Duration.ofSeconds(4));
        assertEquals(6, circuit.retryAfterSeconds());
    }

    @Test
    void letsOneTrialThroughAfterTheOpenPeriod() {
        circuit.onFailure(DOWN);
        circuit.onFailure(DOWN);
        clock.advance(Duration.ofSeconds(10).plusMillis(1)); // resilience4j: strictly after the open period
        assertTrue(circuit.tryAcquire());
        assertFalse(circuit.tryAcquire(), "only one trial at a time");
        circuit.onFailure(DOWN);
        assertEquals(State.OPEN, circuit.state());
        clock.advance(Duration.ofSeconds(10).plusMillis(1)); // resilience4j: strictly after the open period
        assertTrue(circuit.tryAcquire());
        circuit.onSuccess();
        assertEquals(State.CLOSED, circuit.state());
        assertTrue(circuit.tryAcquire());
    }

    @Test
    void anAbandonedTrialFreesTheSlot() {
        circuit.onFailure(DOWN);
        circuit.onFailure(DOWN);
        clock.advance(Duration.ofSeconds(11));
        assertTrue(circuit.tryAcquire());
        circuit.onAbandoned();
        assertTrue(circuit.tryAcquire());
    }

    @Test
    void abandonedCallsNeverOpenIt() {
        for (int i = 0; i < 50; i++) {
            assertTrue(circuit.tryAcquire());
            circuit.onAbandoned();
        }
        assertEquals(State.CLOSED, circuit.state());
    }
}
