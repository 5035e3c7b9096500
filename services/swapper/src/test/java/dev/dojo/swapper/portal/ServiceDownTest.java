package dev.dojo.swapper.portal;

import dev.dojo.testing.FreePort;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service going down leaves the portal working: eval is up, fetched, then stopped (its last good spec is still
 * served, marked unavailable); "ghost" was never up (no spec at all, 503); users keeps working throughout, in the
 * API and in a real browser.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceDownTest extends PortalTestBase implements TestPropertyProvider {

    private final SpecServer users = new SpecServer("users", CommittedSpecs.of("users"));
    private final SpecServer eval = new SpecServer("eval", CommittedSpecs.of("eval"));
    private final String closedPort = "http://127.0.0.1:" + FreePort.next();

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "dojo.docs.services.users", users.url(),
                "dojo.docs.services.eval", eval.url(),
                "dojo.docs.services.main", closedPort,
                "dojo.docs.services.ghost", closedPort,
                // every request asks again, so the test sees the service go down at once
                "dojo.docs.cache-ttl", "0s",
                "dojo.docs.refresh-interval", "1h");
    }

    @AfterAll
    void stopServices() {
        users.close();
        eval.close();
    }

    @Test
    void portalKeepsWorkingWhenAServiceGoesDown() throws Exception {
        // while eval is up: its spec is live
        HttpResponse<String> live = http.toBlocking().exchange("/docs/specs/eval.yml", String.class);
        assertEquals("live", live.header(PortalPaths.SOURCE_HEADER));

        eval.close();

        Map<String, Map<String, Object>> states = states();
        assertEquals(false, states.get("eval").get("available"));
        assertEquals(true, states.get("eval").get("cached"));
        assertEquals(true, states.get("users").get("available"));
        assertEquals(false, states.get("ghost").get("available"));
        assertEquals(false, states.get("ghost").get("cached"));
        // why, without the service's address: the list is public (through main's /docs/services)
        assertEquals("unreachable", states.get("eval").get("error"));
        assertEquals("unreachable", states.get("ghost").get("error"));
        assertFalse(http.toBlocking().retrieve("/docs/services").contains("127.0.0.1"), "an internal address in the list");

        HttpResponse<String> cached = http.toBlocking().exchange("/docs/specs/eval.yml", String.class);
        assertEquals(200, cached.code());
        assertEquals("cache", cached.header(PortalPaths.SOURCE_HEADER));
        assertEquals(live.body(), cached.body(), "the last good copy, unchanged");
        assertEquals("live", http.toBlocking().exchange("/docs/specs/users.yml", String.class).header(PortalPaths.SOURCE_HEADER));

        HttpClientResponseException never = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange("/docs/specs/ghost.yml", String.class));
        assertEquals(503, never.getStatus().getCode());

        SwaggerParseResult merged = new OpenAPIV3Parser().readContents(http.toBlocking().retrieve("/docs/openapi.yml"));
        assertEquals(List.of(), merged.getMessages());
        OpenAPI api = merged.getOpenAPI();
        assertTrue(api.getInfo().getDescription().contains("eval (unavailable, last good copy"), api.getInfo().getDescription());
        assertTrue(api.getInfo().getDescription().contains("ghost (unavailable, not documented)"));

        // the browser half always runs: Chromium.dumpDom fails with the install command when there is no browser
        String dom = portalDom();
        assertTrue(dom.contains("data-service=\"users\" data-available=\"true\""), "users listed as available");
        assertTrue(dom.contains("data-service=\"eval\" data-available=\"false\""), "eval listed as unavailable");
        assertTrue(dom.contains("data-service=\"ghost\" data-available=\"false\""), "ghost listed as unavailable");
        assertTrue(dom.contains(">eval (unavailable: last good copy)</option>"), "eval's cached spec selectable");
        assertTrue(dom.contains(">users</option>"), "users selectable");
        assertFalse(dom.contains(">ghost</option>"), "nothing to select for a service never seen");
    }

    private Map<String, Map<String, Object>> states() {
        Map<String, Object> body = http.toBlocking().retrieve(HttpRequest.GET("/docs/services"), Argument.mapOf(String.class, Object.class));
        List<Map<String, Object>> services = (List<Map<String, Object>>) ((Map<String, Object>) body.get("data")).get("services");
        return services.stream().collect(Collectors.toMap(s -> (String) s.get("name"), s -> s));
    }
}
