package dev.dojo.users.auth;

import dev.dojo.testing.api.JsonApi.Reply;
import dev.dojo.users.UsersTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No answer of users may be kept by a browser's or a proxy's cache: tokens (RFC 6749 §5.1 asks {@code no-store} of
 * every answer holding one), a person's account, and the refusals too (dojo-common's {@code NoStoreFilter}).
 */
@MicronautTest(transactional = false)
class NoStoreTest extends UsersTest {

    @Test
    void everyAnswerIsNoStore() {
        String name = "nostore" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Reply> replies = new LinkedHashMap<>();
        Reply registered = api.register(name, name + "@example.com", "a long enough password");
        replies.put("register", registered);
        Reply login = api.login(name + "@example.com", "a long enough password");
        replies.put("login", login);
        replies.put("refresh", api.post("/auth/refresh", Map.of("refresh_token", login.refreshToken())));
        replies.put("status", api.get("/auth/status", login.authToken()));
        replies.put("users", api.get("/users"));
        replies.put("user", api.get("/users/1"));
        replies.put("ping", api.get("/ping"));
        replies.put("no token", api.get("/auth/status"));
        replies.put("bad login", api.post("/auth/login", Map.of("email", "nobody@example.com", "password", "x")));
        replies.put("unknown path", api.get("/nowhere"));
        replies.put("logout", api.get("/auth/logout", login.authToken()));
        assertEquals(201, registered.status());
        assertEquals(200, login.status());
        replies.forEach((what, reply) -> assertEquals("no-store", reply.headers().get("Cache-Control"),
                what + " " + reply.status() + " " + reply.body()));
    }
}
