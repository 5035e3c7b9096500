package dev.dojo.main.proxy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ResilienceTest} with the fast lane off ({@code dojo.gateway.fast-lane=false}): timeouts, unreachable
 * services and the circuit breaker must behave the same on Micronaut's full path as on the fast lane.
 */
@MicronautTest
class FullPathResilienceTest extends ResilienceTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("dojo.gateway.fast-lane", "false");
        return properties;
    }

    @Override
    boolean fastLaneOn() {
        return false;
    }

    @AfterAll
    void noRequestOfTheSuiteTookTheFastLane() {
        assertEquals(0, fastLane.exchanges());
    }
}
