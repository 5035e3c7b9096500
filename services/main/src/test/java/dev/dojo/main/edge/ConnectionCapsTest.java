package dev.dojo.main.edge;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The caps' bookkeeping: in all, per client and per site, a refused connection takes no place, a released one frees
 * its.
 */
class ConnectionCapsTest {

    private static ConnectionCaps caps(int total, int perClient) {
        return caps(total, perClient, 0);
    }

    private static ConnectionCaps caps(int total, int perClient, int perSite) {
        return new ConnectionCaps(new EdgeSettings(Duration.ofSeconds(10), Duration.ofSeconds(10), total, perClient,
                perSite));
    }

    /** A client that is its own site (an IPv4 address). */
    private static ClientNetwork.Caller client(String name) {
        return new ClientNetwork.Caller(name, null);
    }

    @Test
    void oneClientGetsItsShareAndNoMore() {
        ConnectionCaps caps = caps(10, 2);
        assertNull(caps.admit(client("a")));
        assertNull(caps.admit(client("a")));
        assertEquals(ConnectionCaps.TOO_MANY_FROM_CLIENT, caps.admit(client("a")));
        assertNull(caps.admit(client("b")), "another client is not held back");
        assertEquals(3, caps.open(), "the refused connection took no place");
        caps.release(client("a"));
        assertNull(caps.admit(client("a")), "a closed connection frees its place");
    }

    @Test
    void theTotalHoldsAcrossClients() {
        ConnectionCaps caps = caps(3, 2);
        assertNull(caps.admit(client("a")));
        assertNull(caps.admit(client("b")));
        assertNull(caps.admit(client("c")));
        assertEquals(ConnectionCaps.TOO_MANY, caps.admit(client("d")));
        assertEquals(3, caps.open());
        assertEquals(3, caps.clients(), "d holds nothing");
        caps.release(client("b"));
        assertNull(caps.admit(client("d")));
    }

    @Test
    void aClientsEntryGoesWithItsLastConnection() {
        ConnectionCaps caps = caps(0, 5);
        for (int i = 0; i < 1000; i++) {
            String address = "203.0.113." + i;
            assertNull(caps.admit(client(address)));
            caps.release(client(address));
        }
        assertEquals(0, caps.clients(), "no entry left behind by clients that came and went");
    }

    @Test
    void theClientsOfOneSiteShareItsCap() {
        ConnectionCaps caps = caps(100, 2, 3);
        ClientNetwork.Caller one = ClientNetwork.callerOf("2001:db8:0:1::1");
        ClientNetwork.Caller two = ClientNetwork.callerOf("2001:db8:0:2::1");
        ClientNetwork.Caller elsewhere = ClientNetwork.callerOf("2001:db8:1:1::1");
        assertNull(caps.admit(one));
        assertNull(caps.admit(one));
        assertNull(caps.admit(two));
        assertEquals(ConnectionCaps.TOO_MANY_FROM_SITE, caps.admit(two), "a /64 below its own cap, its /48 full");
        assertEquals(ConnectionCaps.TOO_MANY_FROM_SITE, caps.admit(ClientNetwork.callerOf("2001:db8:0:ffff::9")));
        assertNull(caps.admit(elsewhere), "another /48 is not held back");
        assertEquals(4, caps.open(), "the refused connections took no place");
        assertEquals(3, caps.clients(), "nor a client's");
        caps.release(one);
        assertNull(caps.admit(two), "a closed connection frees its site's place");
        for (ClientNetwork.Caller caller : new ClientNetwork.Caller[] {one, two, two, elsewhere}) {
            caps.release(caller);
        }
        assertEquals(0, caps.open());
        assertEquals(0, caps.clients());
        assertEquals(0, caps.sites(), "no entry left behind by sites that came and went");
    }

    @Test
    void zeroIsNoCap() {
        ConnectionCaps caps = caps(0, 0);
        for (int i = 0; i < 100_000; i++) {
            assertNull(caps.admit(client("a")));
        }
    }
}
