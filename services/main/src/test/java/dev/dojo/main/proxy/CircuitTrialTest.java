package dev.dojo.main.proxy;

import dev.dojo.main.ServiceRoutes;
import dev.dojo.main.FakeService;
import dev.dojo.main.Http;
import dev.dojo.main.routing.RouteTable;
import dev.dojo.testing.Eventually;
import dev.dojo.testing.FreePort;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outcomes main reports to a service's circuit, seen through the half-open trial, where each one decides what
 * the next request gets: a trial whose caller stalls its body (408, the caller's fault) is released without an
 * outcome, so the next request becomes the trial; a trial the service answers closes the circuit.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CircuitTrialTest implements TestPropertyProvider {

    private final int usersPort = FreePort.next();
    private FakeService users;

    @Inject
    EmbeddedServer server;

    @Inject
    RouteTable routes;

    @Override
    public Map<String, String> getProperties() {
        return ServiceRoutes.usersAt("http://127.0.0.1:" + usersPort,
                "dojo.edge.body-idle-timeout", "500ms",
                "dojo.gateway.circuit-breaker.failure-threshold", "2",
                "dojo.gateway.circuit-breaker.open-for", "300ms");
    }

    @AfterAll
    void stopService() {
        if (users != null) {
            users.close();
        }
    }

    @Test
    void anAbandonedTrialPassesTheTrialOnAndAnAnsweredOneClosesTheCircuit() {
        for (int i = 0; i < 2; i++) {
            assertEquals(503, Http.get(base(), "/users/down/" + i).statusCode());
        }
        assertEquals(State.OPEN, state());
        users = FakeService.start("users", usersPort);

        // refused (503) while open; once the open period is over this request is the trial, and its stalled body
        // ends it with 408 without an outcome for users
        Eventually.until("a stalled request was the half-open trial", () -> stalledPost() == 408);
        assertEquals(State.HALF_OPEN, state());

        HttpResponse<String> next = Http.get(base(), "/users/after-trial");
        assertEquals(200, next.statusCode(), "the released slot went to this request: " + next.body());
        assertEquals("/users/after-trial", users.last().uri());
        assertEquals(State.CLOSED, state(), "the service answered the trial");
    }

    private int stalledPost() {
        try (Http.Connection client = new Http.Connection(server.getPort())) {
            return client.send("POST /users/stalled HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc").read().status();
        }
    }

    private State state() {
        return routes.find("/users").orElseThrow().circuit().state();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getPort();
    }
}
