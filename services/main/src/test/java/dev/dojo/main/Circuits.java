package dev.dojo.main;

import dev.dojo.main.routing.RouteTable;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micronaut.runtime.server.EmbeddedServer;

/**
 * The state of a route's circuit, read from the running main's own {@link RouteTable}: what a test's requests did to
 * the circuit, checked where it is kept rather than guessed from answers.
 */
public final class Circuits {

    private Circuits() {
    }

    /** The state of the circuit of the route that serves {@code path}. */
    public static CircuitBreaker.State state(EmbeddedServer main, String path) {
        return main.getApplicationContext().getBean(RouteTable.class).find(path).orElseThrow().circuit().state();
    }
}
