package dev.dojo.main.edge;

import dev.dojo.main.Http;
import dev.dojo.main.RecordingBackend;
import dev.dojo.main.ServiceRoutes;
import dev.dojo.testing.Eventually;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connections that cost main without asking anything, on raw sockets (ADR 0071): one that sends nothing is closed
 * after the head deadline, one kept alive after an answer is not; a client's connections beyond its cap are closed
 * at once while the ones it holds are still served, and a closed one frees its place. Every socket here comes from
 * loopback, one client.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionLimitsTest implements TestPropertyProvider {

    private static final int PER_CLIENT = 4;

    private final RecordingBackend users = RecordingBackend.start();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return ServiceRoutes.usersAt(users.url(),
                "dojo.edge.head-timeout", "700ms",
                "dojo.edge.max-connections-per-client", Integer.toString(PER_CLIENT));
    }

    @AfterAll
    void stopBackend() {
        users.close();
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheHeadDeadline() {
        try (Http.Connection silent = new Http.Connection(server.getPort())) {
            assertFalse(silent.closedByPeer(300), "not before the deadline");
            assertTrue(silent.closedByPeer(5_000), "closed, with no answer: nothing was asked");
        }
    }

    @Test
    void aConnectionKeptAliveAfterAnAnswerIsNotClosedByTheDeadline() {
        try (Http.Connection client = new Http.Connection(server.getPort())) {
            assertEquals(200, client.send("GET /users/kept/1 HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
            assertFalse(client.closedByPeer(1_500));
            assertEquals(200, client.send("GET /users/kept/2 HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
        }
    }

    @Test
    void aClientsConnectionsBeyondItsCapAreClosedAndTheOthersServed() {
        // earlier tests' sockets are released when main sees them close
        Eventually.until("earlier connections released", () -> {
            try (Http.Connection probe = new Http.Connection(server.getPort())) {
                return probe.send("GET /users/probe HTTP/1.1\r\nHost: x\r\n\r\n").read().status() == 200;
            } catch (RuntimeException closed) {
                return false;
            }
        });
        List<Http.Connection> held = new ArrayList<>();
        try {
            Eventually.until("the probe's place freed", () -> {
                held.forEach(Http.Connection::close);
                held.clear();
                for (int i = 0; i < PER_CLIENT; i++) {
                    held.add(new Http.Connection(server.getPort()));
                }
                Http.Connection over = new Http.Connection(server.getPort());
                boolean closed = over.closedByPeer(300);
                over.close();
                // every held one is still open: none was the one refused
                return closed && held.stream().noneMatch(c -> c.closedByPeer(50));
            });
            for (int i = 0; i < PER_CLIENT; i++) {
                Http.Response answer = held.get(i).send("GET /users/held/" + i + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
                assertEquals(200, answer.status(), "connection " + i);
            }
            held.remove(0).close();
            Eventually.until("a closed connection frees its place", () -> {
                try (Http.Connection next = new Http.Connection(server.getPort())) {
                    return next.send("GET /users/next HTTP/1.1\r\nHost: x\r\n\r\n").read().status() == 200;
                } catch (RuntimeException closed) {
                    return false;
                }
            });
        } finally {
            held.forEach(Http.Connection::close);
        }
    }
}
