package dev.dojo.main.proxy;

import dev.dojo.main.Circuits;
import dev.dojo.main.ServiceRoutes;
import dev.dojo.main.FakeService;
import dev.dojo.main.Http;
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
 * the next request gets: a trial that fails by its caller's fault — a stalled body (408, the call is cancelled) or a
 * chunked body over the size limit (413, the call fails) — is released without an outcome, so the next request
 * becomes the trial; a trial the service answers closes the circuit.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CircuitTrialTest implements TestPropertyProvider {

    private final int usersPort = FreePort.next();
    private FakeService users;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return ServiceRoutes.usersAt("http://127.0.0.1:" + usersPort,
                "dojo.edge.body-idle-timeout", "500ms",
                "micronaut.server.max-request-size", "1024",
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
        // the next trial streams a chunked body past the size limit: 413, cut off mid-way, again no outcome
        assertEquals(413, oversizedChunkedPost());
        assertEquals(State.HALF_OPEN, state());

        // the next trial's caller leaves half-way through its body: nobody to answer, no outcome either
        try (Http.Connection leaving = new Http.Connection(server.getPort())) {
            leaving.send("POST /users/left HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly a part");
        }
        // released once main has seen the caller go, so polled: a kept slot would answer 503 until the deadline
        HttpResponse<String> next = Eventually.until("a request after the abandoned trials reaches users",
                () -> Http.get(base(), "/users/after-trial"), response -> response.statusCode() != 503);
        assertEquals(200, next.statusCode(), "the released slot went to this request: " + next.body());
        assertEquals("/users/after-trial", users.last().uri());
        assertEquals(State.CLOSED, state(), "the service answered the trial");
    }

    private int stalledPost() {
        try (Http.Connection client = new Http.Connection(server.getPort())) {
            return client.stalledPost("/users/stalled").read().status();
        }
    }

    private int oversizedChunkedPost() {
        try (Http.Connection client = new Http.Connection(server.getPort())) {
            String chunk = "x".repeat(512);
            StringBuilder request = new StringBuilder("POST /users/oversized HTTP/1.1\r\nHost: x\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < 4; i++) {
                request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
            }
            return client.send(request.append("0\r\n\r\n").toString()).read().status();
        }
    }

    private State state() {
        return Circuits.state(server, "/users");
    }

    private String base() {
        return "http://127.0.0.1:" + server.getPort();
    }
}
