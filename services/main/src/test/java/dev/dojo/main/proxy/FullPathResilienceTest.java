package dev.dojo.main.proxy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/**
 * {@link ResilienceTest} with the fast lane off ({@code dojo.gateway.fast-lane=false}): timeouts, unreachable
 * services and the circuit breaker must behave the same on Micronaut's full path as on the fast lane.
 */
@MicronautTest
class FullPathResilienceTest extends ResilienceTest {

    @Override
    boolean fastLaneOn() {
        return false;
    }
}
