package dev.dojo.main.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A limit that cannot work stops main's start with the property's name; the smallest working one is taken. */
class RateLimitSettingsTest {

    @Test
    void aBudgetOfOneRequestAndOneClientIsTheSmallestAccepted() {
        RateLimitSettings settings = settings(1, 1);
        assertEquals(1, settings.requests());
        assertEquals(1, settings.maxClients());
    }

    @Test
    void zeroRequestsOrClientsStopTheStartNamingTheProperty() {
        IllegalStateException requests = assertThrows(IllegalStateException.class, () -> settings(0, 1));
        assertTrue(requests.getMessage().contains("dojo.rate-limit.requests"), requests.getMessage());
        IllegalStateException clients = assertThrows(IllegalStateException.class, () -> settings(1, 0));
        assertTrue(clients.getMessage().contains("dojo.rate-limit.max-clients"), clients.getMessage());
    }

    @Test
    void aSitesBudgetIsFourClientsUnlessSetAndAtLeastOne() {
        assertEquals(40, settings(10, 1).requestsPerSite());
        assertEquals(Integer.MAX_VALUE, settings(Integer.MAX_VALUE, 1).requestsPerSite(), "no overflow");
        assertEquals(15, new RateLimitSettings(List.of("/auth/login"), 10, 15, Duration.ofMinutes(1), 1, null,
                null, null).requestsPerSite());
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> new RateLimitSettings(
                List.of("/auth/login"), 10, 0, Duration.ofMinutes(1), 1, null, null, null));
        assertTrue(none.getMessage().contains("dojo.rate-limit.requests-per-site"), none.getMessage());
    }

    @Test
    void unsetRedisKeyPrefixAndTimeoutGetTheirDefaults() {
        RateLimitSettings settings = new RateLimitSettings(List.of("/auth/login"), 10, null, Duration.ofMinutes(1), 100,
                null, null, null);
        assertEquals("dojo:rate-limit:", settings.redisKeyPrefix());
        assertEquals(Duration.ofMillis(500), settings.redisTimeout());
    }

    private static RateLimitSettings settings(int requests, int maxClients) {
        return new RateLimitSettings(List.of("/auth/login"), requests, null, Duration.ofMinutes(1), maxClients, null,
                "p:", Duration.ofSeconds(1));
    }
}
