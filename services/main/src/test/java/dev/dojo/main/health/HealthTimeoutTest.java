package dev.dojo.main.health;

import dev.dojo.main.ServiceRoutes;
import dev.dojo.main.FakeService;
import dev.dojo.main.RawService;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * users accepts the probe's connection and never answers: the probe's own bound (dojo.health.downstream-timeout),
 * not the route's longer read timeout, decides, and the other services are still reported.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthTimeoutTest implements TestPropertyProvider {

    private final RawService silentUsers = RawService.start();
    private final FakeService others = FakeService.start("all");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        // keeps the connection open and writes nothing
        silentUsers.on("/health/readiness", (request, out) -> true);
        return ServiceRoutes.to(silentUsers.url(), others.url(), others.url(),
                "micronaut.http.services.users.read-timeout", "120s",
                "dojo.health.downstream-timeout", "500ms",
                "endpoints.health.details-visible", "ANONYMOUS");
    }

    @AfterAll
    void stop() {
        silentUsers.close();
        others.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aServiceThatNeverAnswersIsDownByTheProbesOwnBound() throws IOException {
        HealthAnswer answer = HealthAnswer.get(server, "/health");
        assertEquals(503, answer.status(), answer.text());
        Map<String, Map<String, String>> details = (Map<String, Map<String, String>>) answer.body().get("details");
        assertEquals("DOWN", details.get("users").get("status"));
        assertEquals("no answer within the timeout", details.get("users").get("reason"));
        assertEquals(1, silentUsers.seen("/health/readiness").size(), "the probe reached users");
        assertEquals("UP", details.get("eval").get("status"));
        assertEquals("UP", details.get("swapper").get("status"));
    }
}
