package dev.dojo.users.account;

import dev.dojo.testing.api.JsonApi.Reply;
import dev.dojo.users.UsersTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The contract's /users rows. */
@MicronautTest(transactional = false)
class UserControllerTest extends UsersTest {

    private static final String PASSWORD = "a long enough password";

    @Inject
    Accounts accounts;

    private String adminToken;
    private String userToken;

    @BeforeAll
    void setUp() {
        String admin = unique();
        accounts.create(admin, admin + "@example.com", PASSWORD, true);
        adminToken = api.login(admin + "@example.com", PASSWORD).authToken();
        userToken = api.registerFresh(PASSWORD).authToken();
    }

    @Test
    void listsUsersNewestFirstWithoutPasswords() {
        Reply first = api.registerFresh(PASSWORD);
        Reply second = api.registerFresh(PASSWORD);
        Reply list = api.get("/users");
        assertEquals(200, list.status());
        assertEquals("success", list.body().get("status"));
        // served as ready-made bytes from the read cache: still declared as JSON
        assertEquals("application/json", list.headers().get("Content-Type"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> users = (List<Map<String, Object>>) list.data().get("users");
        Map<String, Object> newest = users.get(0);
        assertEquals(idOf(second), ((Number) newest.get("id")).longValue());
        assertEquals(idOf(first), ((Number) users.get(1).get("id")).longValue());
        for (Map<String, Object> user : users) {
            assertEquals(List.of("created_at", "email", "id", "username"), user.keySet().stream().sorted().toList());
        }
    }

    @Test
    void getsOneUser() {
        String name = unique();
        api.register(name, name + "@example.com", PASSWORD);
        long id = idOf(api.login(name + "@example.com", PASSWORD));
        Reply reply = api.get("/users/" + id);
        assertEquals(200, reply.status());
        assertEquals("success", reply.body().get("status"));
        assertEquals(name, reply.data().get("username"));
        assertEquals(name + "@example.com", reply.data().get("email"));
        assertNotNull(reply.data().get("created_at"));
        assertFalse(reply.data().containsKey("password"));
    }

    @Test
    void unknownOrNonNumericIdIsNotFound() {
        // "+1", "1&x", "(1)", "!1": characters Micronaut's plain {id} does not match, which answered "Not found."
        for (String id : List.of("999999", "blah", "0", "-1", "99999999999999999999", "1%20OR%201=1", "+1", "1&x",
                "(1)", "!1", "1+")) {
            api.get("/users/" + id).expectFail(404, "User does not exist");
        }
    }

    /** Only an id's one spelling names the user: no sign, no leading zero, no other script's digits. */
    @Test
    void anotherSpellingOfAnIdIsNotFound() {
        String name = unique();
        api.register(name, name + "@example.com", "a long enough password")
                .expect(201, "success", "Successfully registered.");
        List<?> users = (List<?>) api.get("/users").data().get("users");
        long id = ((Number) ((Map<?, ?>) users.get(0)).get("id")).longValue();
        api.get("/users/" + id).expect(200, "success", null);
        String digits = Long.toString(id);
        for (String spelling : List.of("+" + digits, "0" + digits, inScript(digits, '\u0660'),
                inScript(digits, '\uFF10'), inScript(digits, '\u0966'))) {
            api.get("/users/" + URLEncoder.encode(spelling, StandardCharsets.UTF_8))
                    .expectFail(404, "User does not exist");
        }
    }

    /** The same number in another script's digits (Arabic-Indic from U+0660, full-width from U+FF10…). */
    private static String inScript(String asciiDigits, char zero) {
        StringBuilder out = new StringBuilder();
        asciiDigits.chars().forEach(digit -> out.append((char) (zero + digit - '0')));
        return out.toString();
    }

    @Test
    void adminAddsAUser() {
        String name = unique();
        int before = api.userCount();
        api.post("/users", account(name), adminToken).expect(201, "success", name + "@example.com was added!");
        assertEquals(before + 1, api.userCount());
        // the new account can sign in
        api.login(name + "@example.com", PASSWORD).expect(200, "success", "Successfully logged in.");
    }

    @Test
    void addingAnExistingEmailIsRefused() {
        String name = unique();
        api.post("/users", account(name), adminToken).expect(201, "success", name + "@example.com was added!");
        api.post("/users", Map.of("username", unique(), "email", name + "@example.com", "password", PASSWORD),
                adminToken).expectFail(400, "Sorry. That email already exists.");
    }

    @Test
    void addingAUsernameThatDiffersOnlyInCaseIsRefused() {
        String name = unique();
        api.post("/users", account(name), adminToken).expect(201, "success", name + "@example.com was added!");
        int before = api.userCount();
        api.post("/users", Map.of("username", name.toUpperCase(), "email", unique() + "@example.com", "password",
                PASSWORD), adminToken).expectFail(400, "Sorry. That user already exists.");
        assertEquals(before, api.userCount());
    }

    @Test
    void addingAnInvalidPayloadIsRefused() {
        int before = api.userCount();
        api.post("/users", Map.of(), adminToken).expectFail(400, "Invalid payload.");
        api.post("/users", Map.of("email", unique() + "@example.com", "password", PASSWORD), adminToken)
                .expectFail(400, "Invalid payload.");
        api.post("/users", Map.of("username", unique(), "password", PASSWORD), adminToken)
                .expectFail(400, "Invalid payload.");
        assertEquals(before, api.userCount());
    }

    @Test
    void onlyAdminsAddUsers() {
        int before = api.userCount();
        api.post("/users", account(unique()), userToken).expectFail(403, "You do not have permission to do that.");
        api.post("/users", account(unique())).expectFail(401, "Provide a valid auth token.");
        api.post("/users", account(unique()), "not.a.token").expectFail(401, "Invalid token. Please log in again.");
        assertEquals(before, api.userCount());
    }

    private long idOf(Reply signedIn) {
        return ((Number) api.get("/auth/status", signedIn.authToken()).data().get("id")).longValue();
    }

    private static Map<String, String> account(String name) {
        return Map.of("username", name, "email", name + "@example.com", "password", PASSWORD);
    }

    private static String unique() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    }
}
