package dev.dojo.swapper.portal;

import dev.dojo.testing.FreePort;
import io.micronaut.http.HttpResponse;
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

/**
 * Services start in any order: a spec that could not be fetched yet is asked for again on the next request after a
 * short pause — not only when the (long) cache TTL or the background refresh comes round.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LateServiceTest implements TestPropertyProvider {

    private final int usersPort = FreePort.next();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "dojo.docs.services.users", "http://127.0.0.1:" + usersPort,
                "dojo.docs.cache-ttl", "1h",
                "dojo.docs.refresh-interval", "1h");
    }

    @Test
    void aServiceThatComesUpLateIsDocumentedOnTheNextRequest() throws InterruptedException {
        Thread.sleep(1_500); // past the background refresh's first run (1 s after start), so only the request path is left
        HttpClientResponseException notYet = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange("/docs/specs/users.yml", String.class));
        assertEquals(503, notYet.getStatus().getCode());

        try (SpecServer users = new SpecServer("users", CommittedSpecs.of("users"), usersPort)) {
            Thread.sleep(1_000);
            HttpResponse<String> spec = http.toBlocking().exchange("/docs/specs/users.yml", String.class);
            assertEquals(200, spec.code());
            assertEquals("live", spec.header(PortalPaths.SOURCE_HEADER));
        }
    }
}
