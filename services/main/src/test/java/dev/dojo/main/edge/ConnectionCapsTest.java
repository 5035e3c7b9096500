package dev.dojo.main.edge;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The caps' bookkeeping: in all and per client, a refused connection takes no place, a released one frees its. */
class ConnectionCapsTest {

    private static ConnectionCaps caps(int total, int perClient) {
        return new ConnectionCaps(new EdgeSettings(Duration.ofSeconds(10), Duration.ofSeconds(10), total, perClient));
    }

    @Test
    void oneClientGetsItsShareAndNoMore() {
        ConnectionCaps caps = caps(10, 2);
        assertNull(caps.admit("a"));
        assertNull(caps.admit("a"));
        assertEquals(ConnectionCaps.TOO_MANY_FROM_CLIENT, caps.admit("a"));
        assertNull(caps.admit("b"), "another client is not held back");
        assertEquals(3, caps.open(), "the refused connection took no place");
        caps.release("a");
        assertNull(caps.admit("a"), "a closed connection frees its place");
    }

    @Test
    void theTotalHoldsAcrossClients() {
        ConnectionCaps caps = caps(3, 2);
        assertNull(caps.admit("a"));
        assertNull(caps.admit("b"));
        assertNull(caps.admit("c"));
        assertEquals(ConnectionCaps.TOO_MANY, caps.admit("d"));
        assertEquals(3, caps.open());
        assertEquals(3, caps.clients(), "d holds nothing");
        caps.release("b");
        assertNull(caps.admit("d"));
    }

    @Test
    void aClientsEntryGoesWithItsLastConnection() {
        ConnectionCaps caps = caps(0, 5);
        for (int i = 0; i < 1000; i++) {
            String client = "203.0.113." + i;
            assertNull(caps.admit(client));
            caps.release(client);
        }
        assertEquals(0, caps.clients(), "no entry left behind by clients that came and went");
    }

    @Test
    void zeroIsNoCap() {
        ConnectionCaps caps = caps(0, 0);
        for (int i = 0; i < 100_000; i++) {
            assertNull(caps.admit("a"));
        }
    }
}
