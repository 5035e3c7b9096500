package dev.dojo.main.health;

import dev.dojo.main.FakeService;
import dev.dojo.main.ServiceRoutes;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MainNotReadyTest implements TestPropertyProvider {

    private final FakeService services = FakeService.start("all");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return ServiceRoutes.allTo(services.url(), "endpoints.health.details-visible", "ANONYMOUS");
    }

    @AfterAll
    void stop() {
        services.close();
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
