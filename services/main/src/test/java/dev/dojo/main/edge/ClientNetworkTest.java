package dev.dojo.main.edge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Which addresses share a budget; AuthRateLimitTest checks it over real sockets from 127.0.0.2 and ::1. */
class ClientNetworkTest {

    private static String client(String address) {
        return ClientNetwork.callerOf(address).client();
    }

    @Test
    void everyLoopbackAddressIsTheOneLocalHost() {
        for (String address : new String[] {"127.0.0.1", "127.0.0.2", "127.255.255.254", "0:0:0:0:0:0:0:1", "::1",
                "[::1]", "::ffff:127.0.0.5"}) {
            assertEquals("loopback", client(address), address);
        }
    }

    @Test
    void anIpv6CallerIsItsSlash64() {
        assertEquals("20010db8000000aa::/64", client("2001:db8:0:aa::1"));
        assertEquals(client("2001:db8:0:aa::1"), client("2001:db8:0:aa:ffff:1234:5678:9abc"));
        assertEquals(client("2001:db8:0:aa::1"), client("[2001:db8:0:aa::7]"));
        assertEquals(client("fe80::1"), client("fe80::2%eth0"));
        assertNotEquals(client("2001:db8:0:aa::1"), client("2001:db8:0:ab::1"));
    }

    @Test
    void anIpv6ClientsSiteIsItsSlash48() {
        assertEquals(new ClientNetwork.Caller("20010db8000000aa::/64", "20010db80000::/48"),
                ClientNetwork.callerOf("2001:db8:0:aa::1"));
        assertEquals(ClientNetwork.callerOf("2001:db8:0:aa::1").site(),
                ClientNetwork.callerOf("[2001:db8:0:ffff:1:2:3:4]").site());
        assertNotEquals(ClientNetwork.callerOf("2001:db8:0:aa::1").site(),
                ClientNetwork.callerOf("2001:db8:1:aa::1").site());
    }

    @Test
    void anIpv4AddressTheLoopbackHostAndNamesAreTheirOwnSite() {
        for (String address : new String[] {"203.0.113.7", "::ffff:203.0.113.7", "127.0.0.2", "::1", "localhost",
                "gg::1"}) {
            assertEquals(null, ClientNetwork.callerOf(address).site(), address);
        }
    }

    @Test
    void anIpv4CallerIsItself() {
        assertEquals("203.0.113.7", client("203.0.113.7"));
        assertEquals("203.0.113.7", client("::ffff:203.0.113.7"));
        assertNotEquals(client("203.0.113.7"), client("203.0.113.8"));
    }

    @Test
    void anythingElseCountsAsItselfAndIsNeverResolved() {
        // names are not looked up: "localhost" is not taken for the loopback host, and no DNS query is made
        for (String text : new String[] {"localhost", "abc", "dead.beef", "example.com", "1.2.3", "1.2.3.4.5",
                "unknown", "gg::1", "", "::1::1"}) {
            assertEquals(text, client(text), text);
        }
    }
}
