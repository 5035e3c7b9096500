package dev.dojo.main.routing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker circuit = new CircuitBreaker(2, Duration.ofSeconds(10), now::get);

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        circuit.tryAcquire();
        circuit.onFailure();
        circuit.tryAcquire();
        circuit.onSuccess();
        circuit.tryAcquire();
        circuit.onFailure();
        assertEquals(CircuitBreaker.State.CLOSED, circuit.state());
        circuit.tryAcquire();
        circuit.onFailure();
        assertEquals(CircuitBreaker.State.OPEN, circuit.state());
        assertFalse(circuit.tryAcquire());
        assertEquals(10, circuit.retryAfterSeconds());
    }

    @Test
    void letsOneTrialThroughAfterTheOpenPeriod() {
        circuit.onFailure();
        circuit.onFailure();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(circuit.tryAcquire());
        assertFalse(circuit.tryAcquire(), "only one trial at a time");
        circuit.onFailure();
        assertEquals(CircuitBreaker.State.OPEN, circuit.state());
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(circuit.tryAcquire());
        circuit.onSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, circuit.state());
        assertTrue(circuit.tryAcquire());
    }

    @Test
    void anAbandonedTrialFreesTheSlot() {
        circuit.onFailure();
        circuit.onFailure();
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        assertTrue(circuit.tryAcquire());
        circuit.onAbandoned();
        assertTrue(circuit.tryAcquire());
    }
}
