package dev.dojo.main.client;

import dev.dojo.main.FakeService;
import dev.dojo.main.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every HTML page main sends carries main's security headers, a service's page ({@code /docs}) included. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageHeadersTest implements TestPropertyProvider {

    private final FakeService swapper = FakeService.start("swapper");

    @Inject
    EmbeddedServer server;

    @Inject
    ClientSettings settings;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.http.services.swapper.url", swapper.url());
    }

    @AfterAll
    void stopFake() {
        swapper.close();
    }

    /**
     * Answers main's early filters give themselves (an invalid path, before routing) carry the security headers
     * too, and a caller with a foreign Origin on a localhost host is answered like any caller — Micronaut's
     * drive-by-localhost guard answered it a bare 403, no envelope, no headers — and granted nothing.
     */
    @Test
    void earlyAnswersAndForeignOriginsGetTheHeadersAndTheEnvelope() {
        String base = "http://127.0.0.1:" + server.getPort();
        HttpResponse<String> invalid = Http.send(Http.request(base, "/users/%2e%2e").GET());
        assertEquals(400, invalid.statusCode());
        assertEquals("{\"status\":\"fail\",\"message\":\"Invalid path.\"}", invalid.body());
        // not /health: its answer depends on services this test does not start
        for (String path : new String[]{"/docs", "/", "/nowhere"}) {
            HttpResponse<String> foreign = Http.send(Http.request(base, path).header("Origin", "http://evil.example")
                    .GET());
            assertEquals(path.equals("/nowhere") ? 404 : 200, foreign.statusCode(), path + " " + foreign.body());
            assertFalse(foreign.body().isEmpty(), path);
            assertTrue(foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), path);
        }
        for (HttpResponse<String> answer : java.util.List.of(invalid, Http.send(Http.request(base, "/nowhere")
                .header("Origin", "http://evil.example").GET()))) {
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null),
                    answer.uri().toString());
            assertEquals("strict-origin-when-cross-origin", answer.headers().firstValue("Referrer-Policy")
                    .orElse(null), answer.uri().toString());
        }
    }

    @Test
    void everyPageGetsTheSameSecurityHeaders() {
        String base = "http://127.0.0.1:" + server.getPort();
        for (String path : new String[]{"/docs", "/", "/login", "/all-users"}) {
            HttpResponse<String> page = Http.send(Http.request(base, path).header("Accept", "text/html").GET());
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), path);
            assertEquals(java.util.List.of(settings.contentSecurityPolicy()),
                    page.headers().allValues("Content-Security-Policy"), path);
            assertTrue(settings.contentSecurityPolicy().contains("frame-ancestors 'none'"));
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(null), path);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("strict-origin-when-cross-origin", page.headers().firstValue("Referrer-Policy").orElse(null),
                    path);
        }
    }

    @Test
    void apiAnswersGetNosniffButNoPagePolicy() {
        HttpResponse<String> json = Http.get("http://127.0.0.1:" + server.getPort(), "/docs/services");
        assertEquals("nosniff", json.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertFalse(json.headers().firstValue("Content-Security-Policy").isPresent());
    }
}
