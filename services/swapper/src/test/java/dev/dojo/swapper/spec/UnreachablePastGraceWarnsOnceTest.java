package dev.dojo.swapper.spec;

import dev.dojo.testing.LogCapture;
import dev.dojo.testing.Eventually;
import dev.dojo.testing.FreePort;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Past the start-up grace, a service still unreachable is a warning — one, however often it is retried. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnreachablePastGraceWarnsOnceTest extends FetchCountingTestBase {

    /** Attached before the application context starts (the test instance comes first): nothing logged is missed. */
    private final LogCapture log = LogCapture.of(SpecCatalog.class);

    @Override
    protected Map<String, String> settings() {
        return Map.of("dojo.docs.services.users", "http://127.0.0.1:" + FreePort.next(),
                "dojo.docs.startup-grace", "0s", "dojo.docs.refresh-interval", "100ms");
    }

    private static java.util.List<String> usersWarnings(LogCapture log) {
        return log.warnings().stream().filter(w -> w.startsWith("spec of users unavailable (")).toList();
    }

    @Test
    void warnsOncePerOutage() {
        try (log) {
            // requests and the background refresh (every 100 ms) retry: wait until users was tried five times
            Eventually.until("five failed attempts and a warning about users", () -> {
                HttpClientResponseException down = assertThrows(HttpClientResponseException.class,
                        () -> http.toBlocking().exchange("/docs/specs/users.yml", String.class));
                assertEquals(503, down.getStatus().getCode());
                return fetcher.attempts("users").size() >= 5 && !usersWarnings(log).isEmpty();
            });
            // one warning for users however often it was retried (the other configured services get their own one)
            assertEquals(1, usersWarnings(log).size(), log.warnings().toString());
            assertTrue(usersWarnings(log).get(0).contains("unreachable for the whole start-up grace"), log.warnings().toString());
        }
    }
}
