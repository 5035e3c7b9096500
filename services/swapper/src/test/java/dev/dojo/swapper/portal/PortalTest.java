package dev.dojo.swapper.portal;

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
import org.yaml.snakeyaml.Yaml;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal over three live "services" (real loopback HTTP servers serving the committed specs): every spec is
 * fetched and served through swapper with the gateway as server, the merged spec is valid OpenAPI 3, and the page
 * renders in a real browser with every service in its selector.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalTest extends PortalTestBase implements TestPropertyProvider {

    static final String GATEWAY = "http://gateway.example:8080";
    static final List<String> SERVICES = List.of("users", "eval", "main");

    private final List<SpecServer> servers = SERVICES.stream()
            .map(name -> new SpecServer(name, CommittedSpecs.of(name))).toList();

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "dojo.docs.public-url", GATEWAY,
                "dojo.docs.services.users", servers.get(0).url(),
                "dojo.docs.services.eval", servers.get(1).url(),
                "dojo.docs.services.main", servers.get(2).url());
    }

    @AfterAll
    void stopServices() {
        servers.forEach(SpecServer::close);
    }

    @Test
    void servesEachServiceSpecThroughSwapperWithTheGatewayAsServer() throws Exception {
        for (int i = 0; i < SERVICES.size(); i++) {
            String service = SERVICES.get(i);
            HttpResponse<String> response = http.toBlocking().exchange("/docs/specs/" + service + ".yml", String.class);
            assertEquals(200, response.code(), service);
            assertEquals("live", response.header("X-Dojo-Spec-Source"), service);
            Map<String, Object> spec = new Yaml().load(response.body());
            Map<String, Object> committed = new Yaml().load(servers.get(i).spec());
            assertEquals(List.of(Map.of("url", GATEWAY, "description", "Dojo gateway (main)")), spec.get("servers"), service);
            assertEquals(committed.get("paths"), spec.get("paths"), service);
        }
    }

    @Test
    void mergedSpecValidatesAsOpenApi3AndCoversEveryService() {
        String merged = http.toBlocking().retrieve("/docs/openapi.yml");
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(merged);
        assertEquals(List.of(), result.getMessages(), "parser messages");
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api);
        assertEquals(GATEWAY, api.getServers().get(0).getUrl());
        assertEquals(1, api.getServers().size());
        for (int i = 0; i < SERVICES.size(); i++) {
            String service = SERVICES.get(i);
            Map<String, Object> spec = new Yaml().load(servers.get(i).spec());
            Map<String, Object> paths = (Map<String, Object>) spec.getOrDefault("paths", Map.of());
            paths.keySet().forEach(path -> assertTrue(api.getPaths().containsKey(path), service + " " + path));
        }
        assertTrue(api.getPaths().containsKey("/docs/openapi.yml"), "swapper documents the portal itself");
    }

    @Test
    void listsEveryServiceWithItsState() {
        Map<String, Object> body = http.toBlocking().retrieve(HttpRequest.GET("/docs/services"), Argument.mapOf(String.class, Object.class));
        assertEquals("success", body.get("status"));
        Map<String, Object> data = (Map<String, Object>) body.get("data");
        assertEquals("/docs/openapi.yml", data.get("merged"));
        List<Map<String, Object>> services = (List<Map<String, Object>>) data.get("services");
        assertEquals(List.of("eval", "main", "users", "swapper"), services.stream().map(s -> s.get("name")).toList());
        services.forEach(s -> assertEquals(true, s.get("available"), s.toString()));
        assertEquals("/docs/specs/users.yml", services.get(2).get("specUrl"));
    }

    @Test
    void unknownServiceIsA404Envelope() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange("/docs/specs/nope.yml", String.class));
        assertEquals(404, e.getStatus().getCode());
        assertEquals("fail", e.getResponse().getBody(Map.class).orElseThrow().get("status"));
    }

    @Test
    void servesItsOwnGeneratedSpecAtSwaggerPath() throws Exception {
        HttpResponse<String> response = http.toBlocking().exchange("/swagger/swapper.yml", String.class);
        assertEquals(200, response.code());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/yaml"));
        String generated;
        try (var in = getClass().getClassLoader().getResourceAsStream("META-INF/swagger/swapper.yml")) {
            generated = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertEquals(generated, response.body());
        assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange("/swagger/users.yml", String.class));
    }

    @Test
    void servesSwaggerUiAndRefusesPathsOutsideIt() {
        HttpResponse<String> page = http.toBlocking().exchange("/docs", String.class);
        assertEquals(200, page.code());
        assertTrue(page.body().contains("/docs/ui/swagger-ui-bundle.js"));
        // every range that takes the page or the spec gets it (application/* and text/* were 406)
        for (String accept : List.of("text/*", "TEXT/HTML;charset=utf-8", "text/*;q=0.2, image/png")) {
            HttpResponse<String> ranged = http.toBlocking().exchange(HttpRequest.GET("/docs").header("Accept", accept),
                    String.class);
            assertEquals("text/html", ranged.getContentType().orElseThrow().getName(), accept);
        }
        HttpResponse<String> spec = http.toBlocking().exchange(HttpRequest.GET("/docs/openapi.yml")
                .header("Accept", "application/*"), String.class);
        assertTrue(spec.getContentType().orElseThrow().toString().startsWith("application/yaml"));
        HttpResponse<byte[]> bundle = http.toBlocking().exchange("/docs/ui/swagger-ui-bundle.js", byte[].class);
        assertEquals(200, bundle.code());
        assertEquals("public, max-age=3600", bundle.header("Cache-Control"));
        // the same hour for an HTTP/1.0 cache, which reads only Expires
        Duration kept = Duration.between(
                ZonedDateTime.parse(bundle.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME),
                ZonedDateTime.parse(bundle.header("Expires"), DateTimeFormatter.RFC_1123_DATE_TIME));
        assertTrue(kept.minus(Duration.ofHours(1)).abs().getSeconds() <= 2, "Expires an hour after Date: " + kept);
        assertTrue(bundle.body().length > 100_000);
        assertEquals(200, http.toBlocking().exchange("/docs/assets/portal.js", byte[].class).code());
        for (String bad : List.of("/docs/ui/..%2F..%2Fapplication.yml", "/docs/ui/missing.js", "/docs/assets/application.yml")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(bad, String.class), bad);
            assertEquals(404, e.getStatus().getCode(), bad);
        }
    }

    @Test
    void portalLoadsInHeadlessChromiumAndListsEveryService() throws Exception {
        String dom = portalDom();
        for (String service : List.of("users", "eval", "main", "swapper")) {
            assertTrue(dom.contains("data-service=\"" + service + "\" data-available=\"true\""), service + " in status list");
            assertTrue(dom.contains(">" + service + "</option>"), service + " in the spec selector");
        }
        assertTrue(dom.contains(">All services (merged)</option>"), "merged spec in the selector");
        assertTrue(dom.contains("swagger-ui"), "Swagger UI rendered");
    }
}
