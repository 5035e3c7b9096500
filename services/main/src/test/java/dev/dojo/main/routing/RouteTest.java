package dev.dojo.main.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RouteTest {

    private final Route users = new Route("users", URI.create("http://u"), List.of("/users", "/ping"), null,
            new ServiceCircuit(CircuitBreakerRegistry.ofDefaults(), "users", 1, Duration.ofSeconds(1),
                    java.time.Clock.systemUTC()));

    @Test
    void matchesWholeSegmentsOnly() {
        assertEquals(6, users.match("/users"));
        assertEquals(6, users.match("/users/3"));
        assertEquals(5, users.match("/ping"));
        assertEquals(-1, users.match("/usersx"));
        assertEquals(-1, users.match("/all-users"));
        assertEquals(-1, users.match("/pingpong"));
        assertEquals(-1, users.match("/"));
    }
}
