package dev.dojo.swapper.spec;

import dev.dojo.testing.LogCapture;
import dev.dojo.testing.FreePort;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A service that is not up yet, within the start-up grace: swapper answers 503 for it and logs no warning. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartingServiceIsQuietTest implements TestPropertyProvider {

    /** Attached before the application context starts (the test instance comes first): nothing logged is missed. */
    private final LogCapture log = LogCapture.of(SpecCatalog.class);

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("dojo.docs.services.users", "http://127.0.0.1:" + FreePort.next(),
                "dojo.docs.startup-grace", "1h");
    }

    @Test
    void noWarningWhileAServiceIsStarting() {
        try (log) {
            HttpClientResponseException notYet = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange("/docs/specs/users.yml", String.class));
            assertEquals(503, notYet.getStatus().getCode());
            assertEquals(List.of(), log.warnings());
        }
    }
}
