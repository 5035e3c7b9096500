package dev.dojo.main.routing;

import dev.dojo.main.FakeService;
import dev.dojo.main.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/how-to/add-a-gateway-route.md and step 3 of add-a-service.md, followed once: a {@code hints} service gets a
 * {@code dojo.routes.hints} entry (its url and prefixes, nothing else) and main sends its paths there, next to the
 * existing routes, and reports it in {@code /health}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AddedRouteTest implements TestPropertyProvider {

    private final FakeService users = FakeService.start("users");
    private final FakeService eval = FakeService.start("eval");
    private final FakeService swapper = FakeService.start("swapper");
    private final FakeService hints = FakeService.start("hints");

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "dojo.routes.users.url", users.url(),
                "dojo.routes.eval.url", eval.url(),
                "dojo.routes.swapper.url", swapper.url(),
                // the how-to's step: one entry with the service's url and the prefixes it owns
                "dojo.routes.hints.url", hints.url(),
                "dojo.routes.hints.prefixes", "/hints",
                "endpoints.health.details-visible", "ANONYMOUS");
    }

    @AfterAll
    void stopFakes() {
        users.close();
        eval.close();
        swapper.close();
        hints.close();
    }

    @Test
    void theNewPrefixAndEverythingBelowItReachTheService() {
        for (String path : new String[]{"/hints", "/hints/3", "/hints/3?lang=python"}) {
            HttpResponse<String> response = Http.get(base(), path);
            assertEquals(200, response.statusCode(), path);
            assertEquals("hints", response.headers().firstValue("X-Served-By").orElse(null), path);
            assertEquals(path, hints.last().uri(), path);
        }
        assertEquals("eval", Http.get(base(), "/exercises").headers().firstValue("X-Served-By").orElse(null));
    }

    @Test
    void aPathThatOnlyStartsLikeThePrefixIsNotTheService() {
        hints.forget();
        assertEquals(404, Http.get(base(), "/hintsx").statusCode());
        assertTrue(hints.seen().isEmpty(), hints.seen().toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthReportsTheNewService() throws IOException {
        HttpResponse<String> response = Http.get(base(), "/health");
        Map<String, Object> body = json.readValue(response.body(), Map.class);
        Map<String, Map<String, String>> details = (Map<String, Map<String, String>>) body.get("details");
        assertEquals("UP", details.get("hints").get("status"), response.body());
        assertEquals(hints.url() + "/health/readiness", details.get("hints").get("url"));
    }

    private String base() {
        return "http://127.0.0.1:" + server.getPort();
    }
}
