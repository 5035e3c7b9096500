package dev.dojo.main.health;

import dev.dojo.main.AgainstOneFakeService;
import dev.dojo.main.Http;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * main's readiness is main's own indicators without the services' (HealthTest: services down, main ready); here
 * the services are all up and one of main's own readiness indicators is DOWN: readiness answers 503 naming it,
 * liveness stays 200.
 */
@MicronautTest
@Property(name = "spec.name", value = "MainNotReadyTest")
class MainNotReadyTest extends AgainstOneFakeService {

    @Override
    protected String[] settings() {
        return new String[] {"endpoints.health.details-visible", "ANONYMOUS"};
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDownIndicatorOfMainsOwnMakesReadiness503() throws IOException {
        HealthAnswer readiness = HealthAnswer.get(server, "/health/readiness");
        assertEquals(503, readiness.status(), readiness.text());
        Map<String, Object> body = readiness.body();
        assertEquals("DOWN", body.get("status"));
        Map<String, Object> details = (Map<String, Object>) body.get("details");
        assertTrue(details.containsKey("stuck"), details.toString());
        assertFalse(details.containsKey("users"), "the services stay out of main's readiness: " + details);
        // a probe asking with HEAD hears the same (it heard 200: Micronaut's status filter saw no body)
        for (String path : new String[]{"/health/readiness", "/health"}) {
            assertEquals(503, Http.send(Http.request("http://127.0.0.1:" + server.getPort(), path)
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())).statusCode(), path);
        }
    }

    @Test
    void livenessIgnoresIt() {
        HealthAnswer liveness = HealthAnswer.get(server, "/health/liveness");
        assertEquals(200, liveness.status(), liveness.text());
    }

    /** One of main's own readiness indicators, DOWN. */
    @Singleton
    @Requires(property = "spec.name", value = "MainNotReadyTest")
    static class Stuck implements HealthIndicator {
        @Override
        public Publisher<HealthResult> getResult() {
            return Mono.just(HealthResult.builder("stuck", HealthStatus.DOWN).build());
        }
    }
}
