package dev.dojo.swapper.portal;

import dev.dojo.swapper.spec.CountingSpecFetcher;
import dev.dojo.swapper.spec.FetchCountingTestBase;
import dev.dojo.testing.Eventually;
import dev.dojo.testing.FreePort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Services start in any order: a spec that could not be fetched yet is asked for again on the next request after a
 * short pause — not only when the (long) cache TTL or the background refresh comes round.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LateServiceTest extends FetchCountingTestBase {

    private final int usersPort = FreePort.next();

    @Override
    protected Map<String, String> settings() {
        return Map.of(
                "dojo.docs.services.users", "http://127.0.0.1:" + usersPort,
                "dojo.docs.cache-ttl", "1h",
                "dojo.docs.refresh-interval", "1h");
    }

    @Test
    void aServiceThatComesUpLateIsDocumentedOnTheNextRequest() {
        // the background refresh's first run (1 s after start) has tried and failed: only the request path is left
        Eventually.until("the background refresh tried users",
                () -> fetcher.attempts("users").stream().anyMatch(CountingSpecFetcher.Attempt::background));
        HttpClientResponseException notYet = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange("/docs/specs/users.yml", String.class));
        assertEquals(503, notYet.getStatus().getCode());

        try (SpecServer users = new SpecServer("users", CommittedSpecs.of("users"), usersPort)) {
            // polled: once the short retry pause after a failure has passed, a request fetches again
            HttpResponse<String> spec = Eventually.until("users documented", this::usersSpec, r -> r.code() == 200);
            assertEquals("live", spec.header(PortalPaths.SOURCE_HEADER));
            List<CountingSpecFetcher.Attempt> attempts = fetcher.attempts("users");
            CountingSpecFetcher.Attempt last = attempts.get(attempts.size() - 1);
            assertTrue(last.fetched() && !last.background(), "fetched on a request, not by the refresh: " + attempts);
        }
    }

    @SuppressWarnings("unchecked")
    private HttpResponse<String> usersSpec() {
        try {
            return http.toBlocking().exchange("/docs/specs/users.yml", String.class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<String>) e.getResponse();
        }
    }
}
