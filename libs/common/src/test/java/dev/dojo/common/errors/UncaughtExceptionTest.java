package dev.dojo.common.errors;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An exception no handler expected (a bug, a lost database) is answered 500 in the contract's envelope with the
 * fixed message — never Micronaut's default body, the exception's message or a stack trace.
 */
@MicronautTest
@Property(name = "spec.name", value = "UncaughtExceptionTest")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "micronaut.metrics.enabled", value = "false")
@Property(name = "micronaut.security.enabled", value = "false")
class UncaughtExceptionTest {

    private static final String SECRET = "SELECT password FROM users -- at dev.dojo.Secret";

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Test
    void aRuntimeExceptionIsAnsweredInTheEnvelopeWithoutItsMessage() throws Exception {
        for (String path : new String[] {"/uncaught/runtime", "/uncaught/index"}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(500, response.statusCode(), path);
            assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"),
                    path);
            Map<?, ?> body = json.readValue(response.body(), Map.class);
            assertEquals(Map.of("status", "error", "message", "Something went wrong. Please try again later."), body,
                    path);
            assertFalse(response.body().contains("SELECT") || response.body().contains("dev.dojo")
                    || response.body().contains("Index") || response.body().contains("Exception"), response.body());
        }
    }

    @Requires(property = "spec.name", value = "UncaughtExceptionTest")
    @Controller("/uncaught")
    static class Failing {

        @Get("/runtime")
        String runtime() {
            throw new IllegalStateException(SECRET);
        }

        @Get("/index")
        String index() {
            return java.util.List.of("a").get(SECRET.length());
        }
    }
}
