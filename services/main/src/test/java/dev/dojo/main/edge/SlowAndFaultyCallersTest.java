package dev.dojo.main.edge;

import dev.dojo.main.Circuits;
import dev.dojo.main.ServiceRoutes;
import dev.dojo.main.Http;
import dev.dojo.main.RecordingBackend;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Callers that are slow or at fault, on raw sockets, with short deadlines: half a head or a silent body is answered
 * 408 in the envelope and closed; and failures a caller causes never count against the service (issue 21): after
 * 20 of them, another caller's 100 requests all get their own answers and the circuit stays closed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowAndFaultyCallersTest implements TestPropertyProvider {

    private static final String TIMEOUT = "{\"status\":\"fail\",\"message\":\"Request timeout.\"}";

    private final RecordingBackend users = RecordingBackend.start();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return ServiceRoutes.usersAt(users.url(),
                "dojo.edge.head-timeout", "500ms",
                "dojo.edge.body-idle-timeout", "500ms",
                "dojo.gateway.circuit-breaker.failure-threshold", "3");
    }

    @AfterAll
    void stopBackend() {
        users.close();
    }

    @Test
    void halfAHeadIsAnswered408AndClosed() {
        try (Http.Connection client = new Http.Connection(server.getPort())) {
            Http.Response answer = client.send("GET /users/half HTTP/1.1\r\nHost: x\r\nX-Slow: ").read();
            assertEquals(408, answer.status());
            assertEquals(TIMEOUT, answer.text());
            assertTrue(client.closedByPeer(5_000));
        }
        assertTrue(users.complete("/users/half").isEmpty());
    }

    @Test
    void aSilentBodyIsAnswered408AndClosed() {
        try (Http.Connection client = new Http.Connection(server.getPort())) {
            Http.Response answer = client.stalledPost("/users/silent").read();
            assertEquals(408, answer.status());
            assertEquals(TIMEOUT, answer.text());
            assertTrue(client.closedByPeer(5_000));
        }
        assertTrue(users.complete("/users/silent").isEmpty(), "the service never got a whole request");
    }

    @Test
    void anIdleKeptAliveConnectionIsNotAnsweredWith408() {
        try (Http.Connection client = new Http.Connection(server.getPort())) {
            assertEquals(200, client.send("GET /users/idle/1 HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
            assertTrue(!client.closedByPeer(1_500), "no head under way: the head deadline does not apply");
            assertEquals("own GET /users/idle/2 0",
                    client.send("GET /users/idle/2 HTTP/1.1\r\nHost: x\r\n\r\n").read().text());
        }
    }

    @Test
    void failuresACallerCausesNeverCountAgainstTheService() {
        for (int i = 0; i < 20; i++) {
            try (Http.Connection bad = new Http.Connection(server.getPort())) {
                String path = "/users/fault/" + i;
                switch (i % 4) {
                    case 0 -> bad.stalledPost(path).read();
                    case 1 -> bad.send("POST " + path + " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                            + "Content-Length: 10\r\n\r\n").read();
                    case 2 -> bad.send("POST " + path + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "5\r\nhello\r\nzz\r\n").read();
                    default -> bad.stalledPost(path);
                }
            } catch (IllegalStateException closed) {
                // main closed the connection: fine
            }
        }
        for (int i = 0; i < 100; i++) {
            String path = "/users/good/" + i;
            try (Http.Connection good = new Http.Connection(server.getPort())) {
                Http.Response answer = good.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
                assertEquals(200, answer.status(), path + ": " + answer.text());
                assertEquals("own GET " + path + " 0", answer.text());
            }
        }
        assertEquals(CircuitBreaker.State.CLOSED, Circuits.state(server, "/users"));
        assertTrue(users.seen(request -> request.target().contains("/users/fault/") && request.complete()).isEmpty(),
                "no faulty request reached the service whole");
    }
}
