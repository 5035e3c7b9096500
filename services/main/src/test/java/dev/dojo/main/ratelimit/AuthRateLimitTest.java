package dev.dojo.main.ratelimit;

import dev.dojo.main.FakeService;
import dev.dojo.main.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthRateLimitTest implements TestPropertyProvider {

    private final FakeService users = FakeService.start("users");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.http.services.users.url", users.url(), "dojo.rate-limit.requests", "3");
    }

    @AfterAll
    void stopFake() {
        users.close();
    }

    private HttpResponse<String> post(String path) {
        return Http.send(Http.request("http://127.0.0.1:" + server.getPort(), path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a@b.c\",\"password\":\"x\"}")));
    }

    @Test
    void limitsLoginPerClientWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, post("/auth/login").statusCode());
        }
        long reachedUsers = users.seen().stream().filter(s -> s.uri().equals("/auth/login")).count();
        HttpResponse<String> limited = post("/auth/login");
        assertEquals(429, limited.statusCode());
        assertEquals("{\"status\":\"fail\",\"message\":\"Too many attempts. Please try again later.\"}",
                limited.body());
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(reachedUsers, users.seen().stream().filter(s -> s.uri().equals("/auth/login")).count(),
                "a limited request must not reach users");
        assertTrue(limited.headers().firstValue("X-Request-Id").isPresent());
    }

    @Test
    void registerHasItsOwnBudgetAndOtherPathsAreFree() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, post("/auth/register").statusCode());
        }
        assertEquals(429, post("/auth/register").statusCode());
        for (int i = 0; i < 5; i++) {
            assertEquals(200, post("/users").statusCode());
            assertEquals(200, Http.get("http://127.0.0.1:" + server.getPort(), "/auth/status").statusCode());
        }
    }
}
