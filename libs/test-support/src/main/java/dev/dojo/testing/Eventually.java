package dev.dojo.testing;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ThrowingRunnable;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Waiting for an event in tests: polls with a generous deadline (Awaitility), never sleeps a fixed time and never
 * bounds how fast something must happen. The deadline only stops a test that would otherwise hang; a loaded
 * machine makes a wait longer, not a failure.
 */
public final class Eventually {

    /** How long a condition may take before the test fails; far above anything a healthy run needs. */
    public static final Duration DEADLINE = Duration.ofSeconds(60);

    private Eventually() {
    }

    /** Awaitility's builder with Dojo's deadline and a short poll interval, for the cases below do not cover. */
    public static ConditionFactory await(String what) {
        return Awaitility.await(what).atMost(DEADLINE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20));
    }

    /** Returns once {@code condition} holds; fails naming {@code what} past the deadline. */
    public static void until(String what, Callable<Boolean> condition) {
        await(what).until(condition);
    }

    /** Returns once {@code assertion} passes (its last failure is reported past the deadline). */
    public static void untilAsserted(String what, ThrowingRunnable assertion) {
        await(what).untilAsserted(assertion);
    }

    /** Returns {@code value}'s first result that {@code accepted} holds for. */
    public static <T> T until(String what, Callable<T> value, Predicate<T> accepted) {
        return await(what).until(value, accepted::test);
    }
}
