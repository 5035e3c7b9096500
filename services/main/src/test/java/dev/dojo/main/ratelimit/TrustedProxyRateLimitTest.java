package dev.dojo.main.ratelimit;

import dev.dojo.main.FakeService;
import dev.dojo.main.Http;
import dev.dojo.main.ServiceRoutes;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Behind a trusted proxy ({@code dojo.gateway.trust-forwarded-headers}) the client a budget belongs to is the
 * address that proxy appended last to {@code X-Forwarded-For} — the last hop of the last header line —, never an
 * earlier hop a caller wrote itself; an empty last hop falls back to the proxy's own address.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustedProxyRateLimitTest implements TestPropertyProvider {

    private static final int LIMIT = 2;

    private final FakeService users = FakeService.start("users");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = ServiceRoutes.usersAt(users.url(),
                "dojo.gateway.trust-forwarded-headers", "true");
        properties.putAll(ManualClock.budget(LIMIT));
        return properties;
    }

    @AfterAll
    void stopFake() {
        users.close();
    }

    @Test
    void theLastHopTheProxyAppendedOwnsTheBudget() {
        for (int i = 0; i < LIMIT; i++) {
            // whatever the caller put before it, the proxy's last entry is the client
            assertEquals(200, login("X-Forwarded-For: 10.0.0." + i + ", 203.0.113.1\r\n"));
        }
        assertEquals(429, login("X-Forwarded-For: 10.9.9.9, 203.0.113.1\r\n"));
        assertEquals(429, login("X-Forwarded-For: 198.51.100.5\r\nX-Forwarded-For: 10.0.0.1,203.0.113.1\r\n"),
                "the last header line's last hop");
        assertEquals(200, login("X-Forwarded-For: 203.0.113.1, 203.0.113.2\r\n"), "another client, its own budget");
        assertEquals(200, login("X-Forwarded-For: 203.0.113.1\r\nX-Forwarded-For: 203.0.113.3\r\n"),
                "the last line decides, not the first");
    }

    /** An IPv6 client is its /64: the addresses one host can pick from share a budget, the next /64 has its own. */
    @Test
    void anIpv6ClientIsItsSlash64() {
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(200, login("X-Forwarded-For: 2001:db8:0:aa::" + Integer.toHexString(i + 1) + "\r\n"));
        }
        assertEquals(429, login("X-Forwarded-For: 2001:db8:0:aa:ffff:1234:5678:9abc\r\n"), "the same /64");
        assertEquals(429, login("X-Forwarded-For: [2001:db8:0:aa::99]\r\n"), "the same /64, bracketed");
        assertEquals(200, login("X-Forwarded-For: 2001:db8:0:ab::1\r\n"), "the next /64, its own budget");
    }

    /**
     * The /64s of one /48 — a site, 65,536 clients anyone can get from a tunnel broker — share a budget of four
     * clients' (ADR 0072): a fresh /64 of the same /48 buys nothing once it is spent; another /48 has its own.
     */
    @Test
    void theClientsOfOneSlash48ShareItsBudget() {
        for (int i = 0; i < 4 * LIMIT; i++) {
            assertEquals(200, login(from("2001:db8:5:" + Integer.toHexString(i + 1) + "::1")), "attempt " + (i + 1));
        }
        assertEquals(429, login(from("2001:db8:5:ffff::1")), "a fresh /64 of the same /48");
        assertEquals(200, login(from("2001:db8:6:1::1")), "another /48, its own budget");
    }

    /** A client over its own budget takes nothing from its site's: the other /64s of its /48 keep theirs. */
    @Test
    void attemptsRefusedToAClientCostItsSiteNothing() {
        for (int i = 0; i < LIMIT + 5; i++) {
            assertEquals(i < LIMIT ? 200 : 429, login(from("2001:db8:7:1::1")), "attempt " + (i + 1));
        }
        for (int i = 0; i < 3 * LIMIT; i++) {
            assertEquals(200, login(from("2001:db8:7:" + Integer.toHexString(i + 2) + "::1")), "neighbour " + i);
        }
        assertEquals(429, login(from("2001:db8:7:ffff::1")), "the site's four clients' worth is spent");
    }

    private static String from(String address) {
        return "X-Forwarded-For: " + address + "\r\n";
    }

    @Test
    void anEmptyLastHopIsTheProxysOwnAddress() {
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(200, login("X-Forwarded-For: 203.0.113.50, ,\r\n"));
        }
        assertEquals(429, login(""), "no header: the proxy's (here the test's) address, the same budget");
    }

    private int login(String headers) {
        return Integer.parseInt(Http.rawLogin(server.getPort(), "POST", "/auth/login", headers).substring(9, 12));
    }
}
