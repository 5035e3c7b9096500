package dev.dojo.main.edge;

import dev.dojo.main.AgainstOneFakeService;
import dev.dojo.main.Http;
import dev.dojo.testing.Eventually;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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
class ConnectionLimitsTest extends AgainstOneFakeService {

    private static final int PER_CLIENT = 4;
    private static final String PING = "GET /ping HTTP/1.1\r\nHost: x\r\n\r\n";

    @Override
    protected String[] settings() {
        return new String[] {"dojo.edge.head-timeout", "700ms",
            "dojo.edge.max-connections-per-client", Integer.toString(PER_CLIENT)};
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
            assertEquals(200, client.send(PING).read().status());
            assertFalse(client.closedByPeer(1_500));
            assertEquals(200, client.send(PING).read().status());
        }
    }

    @Test
    void aClientsConnectionsBeyondItsCapAreClosedAndTheOthersServed() {
        // earlier tests' sockets are released when main sees them close
        Eventually.until("earlier connections released", () -> {
            try (Http.Connection probe = new Http.Connection(server.getPort())) {
                return probe.send(PING).read().status() == 200;
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
                return closed;
            });
            // each held one is served: none of them was the one refused
            for (int i = 0; i < PER_CLIENT; i++) {
                Http.Response answer = held.get(i).send(PING).read();
                assertEquals(200, answer.status(), "connection " + i);
            }
            held.remove(0).close();
            Eventually.until("a closed connection frees its place", () -> {
                try (Http.Connection next = new Http.Connection(server.getPort())) {
                    return next.send(PING).read().status() == 200;
                } catch (RuntimeException closed) {
                    return false;
                }
            });
        } finally {
            held.forEach(Http.Connection::close);
        }
    }
}
