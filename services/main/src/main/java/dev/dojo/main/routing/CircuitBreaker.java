package dev.dojo.main.routing;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops sending requests to a service that keeps failing, so callers get an immediate 503 instead of each waiting
 * out a connect timeout, and the service gets room to recover.
 * <p>
 * CLOSED: requests pass; {@code failureThreshold} consecutive transport failures open it. OPEN: requests are refused
 * until {@code openFor} has passed. HALF_OPEN: exactly one trial request passes; its success closes the circuit, its
 * failure opens it again. Only transport failures count (refused, timed out): a service that answers, even with a
 * 500, is up.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openForNanos;
    private final LongSupplier nanoClock;

    // volatile: a closed circuit with no failures is checked without the lock, as it is on every proxied request
    private volatile State state = State.CLOSED;
    private volatile int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor, LongSupplier nanoClock) {
        this.failureThreshold = Math.max(1, failureThreshold);
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Whether a request may go to the service now; a {@code true} must be followed by one outcome call. */
    public boolean tryAcquire() {
        return state == State.CLOSED || tryAcquireSlow();
    }

    private synchronized boolean tryAcquireSlow() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (nanoClock.getAsLong() - openedAt < openForNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            default:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    public void onSuccess() {
        if (state == State.CLOSED && consecutiveFailures == 0) {
            return;
        }
        closeAfterSuccess();
    }

    private synchronized void closeAfterSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = nanoClock.getAsLong();
        }
        trialInFlight = false;
    }

    /** The caller went away before the outcome was known: let another request be the trial. */
    public synchronized void onAbandoned() {
        trialInFlight = false;
    }

    public State state() {
        return state;
    }

    /** Seconds until an open circuit lets a trial through (at least 1), for {@code Retry-After}. */
    public synchronized long retryAfterSeconds() {
        long remaining = openForNanos - (nanoClock.getAsLong() - openedAt);
        return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }
}
