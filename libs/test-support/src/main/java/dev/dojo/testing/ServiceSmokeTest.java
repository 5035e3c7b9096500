package dev.dojo.testing;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * What every service must do once started: listen on its (random, in tests) port, answer the original
 * {@code /ping} contract, and report health. Each service's ApplicationTest extends this with
 * {@code @MicronautTest} and whatever properties it needs.
 */
public abstract class ServiceSmokeTest {

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected HttpClient httpClient;

    @Test
    void answersPing() {
        HttpResponse<Map> response = httpClient.toBlocking()
                .exchange(HttpRequest.GET(server.getURL() + "/ping"), Map.class);
        assertEquals(200, response.code());
        assertEquals(Map.of("status", "success", "message", "pong!"), response.body());
    }

    @Test
    void reportsHealth() {
        for (String path : new String[]{"/health", "/health/liveness", "/health/readiness"}) {
            HttpResponse<Map> response = httpClient.toBlocking()
                    .exchange(HttpRequest.GET(server.getURL() + path), Map.class);
            assertEquals(200, response.code(), path);
            assertEquals("UP", response.body().get("status"), path);
        }
    }

    @Test
    void listensOnARealPort() {
        assertNotEquals(0, server.getPort());
    }
}
