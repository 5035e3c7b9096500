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
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/how-to/add-a-gateway-route.md and step 3 of add-a-service.md, followed once: a {@code hints} service gets a
 * {@code dojo.routes.hints} entry (its prefixes) and a {@code micronaut.http.services.hints.url}, and main sends its
 * paths there, next to the existing routes, and reports it in {@code /health}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AddedRouteTest implements TestPropertyProvider {

    /** The three services main knows plus the new one, each a real HTTP server on loopback. */
    private final Map<String, FakeService> services = Map.of("users", FakeService.start("users"),
            "eval", FakeService.start("eval"), "swapper", FakeService.start("swapper"),
            "hints", FakeService.start("hints"));
    private final FakeService hints = services.get("hints");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        services.forEach((name, service) -> properties.put("micronaut.http.services." + name + ".url", service.url()));
        // the how-to's step for a new service: its url (above) and the prefixes it owns
        properties.put("dojo.routes.hints.prefixes", "/hints");
        properties.put("endpoints.health.details-visible", "ANONYMOUS");
        return properties;
    }

    @AfterAll
    void stopServices() {
        services.values().forEach(FakeService::close);
    }

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

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
