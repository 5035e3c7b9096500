package dev.dojo.swapper.spec;

import dev.dojo.testing.FreePort;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Past the start-up grace, a service still unreachable is a warning — one, however often it is retried. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnreachablePastGraceWarnsOnceTest implements TestPropertyProvider {

    /** Attached before the application context starts (the test instance comes first): nothing logged is missed. */
    private final SpecLog log = new SpecLog();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("dojo.docs.services.users", "http://127.0.0.1:" + FreePort.next(),
                "dojo.docs.startup-grace", "0s", "dojo.docs.refresh-interval", "100ms");
    }

    private static java.util.List<String> usersWarnings(SpecLog log) {
        return log.warnings().stream().filter(w -> w.startsWith("spec of users unavailable (")).toList();
    }

    @Test
    void warnsOncePerOutage() throws InterruptedException {
        try (log) {
            // the background refresh retries every 100 ms: wait (with a deadline) until it has tried several times
            long deadline = System.nanoTime() + 30_000_000_000L;
            int requests = 0;
            while (usersWarnings(log).isEmpty() || requests < 3) {
                assertTrue(System.nanoTime() < deadline, "no warning about the unreachable service: " + log.warnings());
                HttpClientResponseException down = assertThrows(HttpClientResponseException.class,
                        () -> http.toBlocking().exchange("/docs/specs/users.yml", String.class));
                assertEquals(503, down.getStatus().getCode());
                requests++;
                Thread.sleep(600); // past the 500 ms retry pause, so each request fetches again
            }
            // one warning for users however often it was retried (the other configured services get their own one)
            assertEquals(1, usersWarnings(log).size(), log.warnings().toString());
            assertTrue(usersWarnings(log).get(0).contains("unreachable for the whole start-up grace"), log.warnings().toString());
        }
    }
}
