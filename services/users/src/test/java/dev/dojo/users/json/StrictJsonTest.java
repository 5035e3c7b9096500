package dev.dojo.users.json;

import dev.dojo.testing.api.JsonApi.Reply;
import dev.dojo.users.UsersTest;
import dev.dojo.users.account.Accounts;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every string field of every request body refuses a value of another JSON type with 400 and a field error naming
 * it: never coerced ({@code 123} → {@code "123"}) or unwrapped ({@code ["x"]} → {@code "x"}), and nothing written.
 */
@MicronautTest(transactional = false)
class StrictJsonTest extends UsersTest {

    private static final String PASSWORD = "a long enough password";
    /** JSON values that are not strings, as raw JSON text. */
    private static final List<String> NOT_STRINGS = List.of("123", "12345678901", "1.5", "true", "false",
            "[\"%s\"]", "[\"%s\", \"%s\"]", "[]", "{}", "{\"value\": \"%s\"}");

    @Inject
    Accounts accounts;

    private String adminToken;
    private String userToken;

    @BeforeAll
    void connect() {
        String admin = unique();
        accounts.create(admin, admin + "@example.com", PASSWORD, true);
        adminToken = api.login(admin + "@example.com", PASSWORD).authToken();
        userToken = api.registerFresh(PASSWORD).authToken();
    }

    @Test
    void registerRefusesEveryFieldOfAnotherType() {
        for (String field : List.of("username", "email", "password")) {
            for (String wrong : NOT_STRINGS) {
                int before = api.userCount();
                Reply reply = api.postRaw("/auth/register", json(validAccount(), field, wrong),
                        MediaType.APPLICATION_JSON);
                assertWrongType(reply, field, "must be a string", wrong);
                assertEquals(before, api.userCount(), () -> field + " " + wrong + " wrote a row");
            }
        }
    }

    @Test
    void addingAUserRefusesEveryFieldOfAnotherType() {
        for (String field : List.of("username", "email", "password")) {
            for (String wrong : NOT_STRINGS) {
                int before = api.userCount();
                Reply reply = api.send(io.micronaut.http.HttpRequest
                        .POST(server.getURL() + "/users", json(validAccount(), field, wrong))
                        .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(adminToken));
                assertWrongType(reply, field, "must be a string", wrong);
                assertEquals(before, api.userCount(), () -> field + " " + wrong + " wrote a row");
            }
        }
    }

    @Test
    void loginRefusesEveryFieldOfAnotherType() {
        String name = unique();
        api.register(name, name + "@example.com", PASSWORD).expect(201, "success", "Successfully registered.");
        Map<String, String> login = new LinkedHashMap<>(Map.of("email", name + "@example.com", "password", PASSWORD));
        for (String field : List.of("email", "password")) {
            for (String wrong : NOT_STRINGS) {
                Reply reply = api.postRaw("/auth/login", json(login, field, wrong), MediaType.APPLICATION_JSON);
                assertWrongType(reply, field, "must be a string", wrong);
            }
        }
        // the same body with the right types signs in: the refusals above were about types alone
        api.post("/auth/login", login).expect(200, "success", "Successfully logged in.");
    }

    @Test
    void refreshAndLogoutRefuseATokenOfAnotherType() {
        Reply signedIn = api.registerFresh(PASSWORD);
        String token = signedIn.refreshToken();
        for (String wrong : NOT_STRINGS) {
            Map<String, String> body = Map.of("refresh_token", token);
            assertWrongType(api.postRaw("/auth/refresh", json(body, "refresh_token", wrong),
                    MediaType.APPLICATION_JSON), "refresh_token", "must be a string", wrong);
            assertWrongType(api.send(io.micronaut.http.HttpRequest
                            .POST(server.getURL() + "/auth/logout", json(body, "refresh_token", wrong))
                            .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(userToken)),
                    "refresh_token", "must be a string", wrong);
        }
        // a one-element array holding the real token was not unwrapped and used: the token still rotates
        api.post("/auth/refresh", Map.of("refresh_token", token)).expect(200, "success", "Successfully refreshed.");
    }

    private static void assertWrongType(Reply reply, String field, String message, String wrong) {
        String what = field + " = " + wrong;
        assertEquals(400, reply.status(), () -> what + " → " + reply.body());
        assertEquals(Map.of("status", "fail", "message", "Invalid payload.",
                        "errors", List.of(Map.of("field", field, "message", message))),
                reply.body(), what);
    }

    /** The body as JSON text with one field's value replaced by raw JSON ({@code %s} filled with the right value). */
    private static String json(Map<String, String> valid, String field, String rawValue) {
        StringBuilder out = new StringBuilder("{");
        valid.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(name).append("\":");
            out.append(name.equals(field) ? rawValue.replace("%s", value) : '"' + value + '"');
        });
        return out.append('}').toString();
    }

    private static Map<String, String> validAccount() {
        String name = unique();
        Map<String, String> account = new LinkedHashMap<>();
        account.put("username", name);
        account.put("email", name + "@example.com");
        account.put("password", PASSWORD);
        return account;
    }

    private static String unique() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    }
}
