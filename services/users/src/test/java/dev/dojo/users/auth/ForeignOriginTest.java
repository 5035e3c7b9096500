package dev.dojo.users.auth;

import dev.dojo.testing.api.JsonApi.Reply;
import dev.dojo.users.UsersTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A caller with a foreign {@code Origin} on a localhost host is answered like any other caller, in the envelope,
 * and granted nothing: Micronaut's drive-by-localhost guard answered it a bare 403 (docs/gateway.md).
 */
@MicronautTest(transactional = false)
class ForeignOriginTest extends UsersTest {

    @Test
    void aForeignOriginIsAnsweredLikeAnyCallerAndGrantedNothing() {
        Reply users = api.send(HttpRequest.GET(server.getURL() + "/users").header("Origin", "http://evil.example"));
        assertEquals(200, users.status(), String.valueOf(users.body()));
        assertEquals("success", users.body().get("status"));
        assertNull(users.headers().get("Access-Control-Allow-Origin"));
        Reply login = api.send(HttpRequest.POST(server.getURL() + "/auth/login", Map.of("email", "nobody@example.com",
                "password", "a long enough password")).header("Origin", "http://evil.example"));
        assertEquals("User does not exist.", login.message(), String.valueOf(login.body()));
        assertNull(login.headers().get("Access-Control-Allow-Origin"));
    }
}
