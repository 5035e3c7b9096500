package dev.dojo.main.health;

import dev.dojo.main.ServiceRoutes;
import dev.dojo.testing.FreePort;
import dev.dojo.main.FakeService;
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
import static org.junit.jupiter.api.Assertions.assertFalse;

/** users is ready, eval answers its readiness with 503, swapper is not running at all. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthTest implements TestPropertyProvider {

    private final FakeService users = FakeService.start("users");
    private final FakeService eval = FakeService.start("eval");
    private final int swapperPort = FreePort.next();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        eval.readinessStatus(503);
        return ServiceRoutes.to(users.url(), eval.url(), "http://127.0.0.1:" + swapperPort,
                // the 1 s default counts a fake that is merely slow on a loaded machine as down
                "dojo.health.downstream-timeout", "30s",
                // what an operator sees where :8080 is not public (anonymous callers get the status alone: see
                // ManagementExposureTest)
                "endpoints.health.details-visible", "ANONYMOUS");
    }

    @AfterAll
    void stopFakes() {
        users.close();
        eval.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthIsDownAndNamesEachService() throws IOException {
        HealthAnswer answer = HealthAnswer.get(server, "/health");
        assertEquals(503, answer.status());
        Map<String, Object> body = answer.body();
        assertEquals("main", body.get("name"));
        assertEquals("DOWN", body.get("status"));
        Map<String, Map<String, String>> details = (Map<String, Map<String, String>>) body.get("details");
        assertEquals("UP", details.get("users").get("status"));
        assertEquals(users.url() + "/health/readiness", details.get("users").get("url"));
        assertEquals("DOWN", details.get("eval").get("status"));
        assertEquals("readiness answered 503", details.get("eval").get("reason"));
        assertEquals("DOWN", details.get("swapper").get("status"));
        assertEquals("unreachable", details.get("swapper").get("reason"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void livenessAndReadinessAreMainsOwn() throws IOException {
        for (String path : new String[]{"/health/liveness", "/health/readiness"}) {
            HealthAnswer answer = HealthAnswer.get(server, path);
            assertEquals(200, answer.status(), path + " " + answer.text());
            Map<String, Object> body = answer.body();
            assertEquals("main", body.get("name"), path);
            assertEquals("UP", body.get("status"), path);
            Map<String, Object> details = (Map<String, Object>) body.get("details");
            for (String service : new String[]{"users", "eval", "swapper"}) {
                assertFalse(details.containsKey(service), path + " must ignore " + service + ": " + details);
            }
        }
    }
}
