package dev.dojo.users;

import dev.dojo.testing.api.JsonApi;
import io.micronaut.http.client.HttpClient;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared blocking client ({@link JsonApi}) plus the users service's own calls: register, log in, count. */
public final class Api extends JsonApi {

    public Api(HttpClient client, URL base) {
        super(client, base);
    }

    /** Registers a fresh account with unique names and answers the register reply. */
    public Reply registerFresh(String password) {
        String name = "user" + UUID.randomUUID().toString().substring(0, 12);
        return post("/auth/register", Map.of("username", name, "email", name + "@example.com",
                "password", password));
    }

    public Reply register(String username, String email, String password) {
        return post("/auth/register", Map.of("username", username, "email", email, "password", password));
    }

    public Reply login(String email, String password) {
        return post("/auth/login", Map.of("email", email, "password", password));
    }

    public int userCount() {
        Reply reply = get("/users");
        assertEquals(200, reply.status());
        return ((List<?>) reply.data().get("users")).size();
    }
}
