package dev.dojo.users.auth;

import dev.dojo.testing.api.JsonApi.Reply;
import dev.dojo.users.UsersTest;
import dev.dojo.users.account.User;
import dev.dojo.users.account.UserRepository;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The contract's /auth rows, token refresh and logout, over real HTTP on real PostgreSQL. */
@MicronautTest(transactional = false)
class AuthControllerTest extends UsersTest {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    UserRepository users;


    @BeforeAll
    void connect() {
    }

    @Test
    void registerAnswersTokensAndTheTokenShowsTheStatus() {
        String name = unique();
        Reply registered = api.register(name, name + "@example.com", PASSWORD)
                .expect(201, "success", "Successfully registered.");
        assertNotNull(registered.authToken());
        assertNotNull(registered.refreshToken());
        assertFalse(registered.body().containsKey("password"));

        Reply status = api.get("/auth/status", registered.authToken());
        assertEquals(200, status.status());
        assertEquals("success", status.body().get("status"));
        Map<String, Object> data = status.data();
        assertEquals(name, data.get("username"));
        assertEquals(name + "@example.com", data.get("email"));
        assertEquals(true, data.get("active"));
        assertEquals(false, data.get("admin"));
        assertNotNull(data.get("id"));
        assertNotNull(data.get("created_at"));
        assertFalse(data.containsKey("password"));
    }

    @Test
    void duplicateUsernameOrEmailIsRefused() {
        String name = unique();
        api.register(name, name + "@example.com", PASSWORD).expect(201, "success", "Successfully registered.");
        int before = api.userCount();

        api.register(name, unique() + "@example.com", PASSWORD).expectFail(400, "Sorry. That user already exists.");
        api.register(unique(), name + "@example.com", PASSWORD).expectFail(400, "Sorry. That user already exists.");
        // emails are one account whatever their case
        api.register(unique(), name.toUpperCase() + "@EXAMPLE.com", PASSWORD)
                .expectFail(400, "Sorry. That user already exists.");
        // and so are usernames: "MICHAEL" beside "michael" read as one person in the users list
        api.register(name.toUpperCase(), unique() + "@example.com", PASSWORD)
                .expectFail(400, "Sorry. That user already exists.");
        api.register(Character.toUpperCase(name.charAt(0)) + name.substring(1), unique() + "@example.com", PASSWORD)
                .expectFail(400, "Sorry. That user already exists.");
        assertEquals(before, api.userCount());
    }

    @Test
    void concurrentRegistrationsOfOneEmailGiveOneSuccess() throws Exception {
        String email = unique() + "@example.com";
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String username = unique();
                Callable<Reply> call = () -> {
                    start.await();
                    return api.register(username, email, PASSWORD);
                };
                replies.add(pool.submit(call));
            }
            start.countDown();
            int created = 0;
            for (Future<Reply> reply : replies) {
                Reply r = reply.get();
                if (r.status() == 201) {
                    created++;
                } else {
                    r.expectFail(400, "Sorry. That user already exists.");
                }
            }
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void loginAnswersTokensAndIgnoresEmailCase() {
        String name = unique();
        api.register(name, name + "@example.com", PASSWORD);
        Reply login = api.login(name + "@EXAMPLE.COM", PASSWORD).expect(200, "success", "Successfully logged in.");
        Reply status = api.get("/auth/status", login.authToken()).expect(200, "success", null);
        assertEquals(name, status.data().get("username"));
        assertEquals(name + "@example.com", status.data().get("email"));
        assertNotNull(login.refreshToken());
    }

    @Test
    void loginFailureIsTheSameForUnknownEmailAndWrongPassword() {
        String name = unique();
        api.register(name, name + "@example.com", PASSWORD);
        Reply wrongPassword = api.login(name + "@example.com", "not the password").expectFail(401, "User does not exist.");
        Reply unknownEmail = api.login("nobody-" + name + "@example.com", PASSWORD).expectFail(401, "User does not exist.");
        assertEquals(wrongPassword.body(), unknownEmail.body());
    }

    @Test
    void loginWithoutFieldsIsAnInvalidPayload() {
        Reply reply = api.post("/auth/login", Map.of()).expectFail(400, "Invalid payload.");
        assertEquals(List.of("email", "password"), fields(reply));
    }

    /** PostgreSQL refuses NUL in a query parameter: a login with one was a 500 (found by e2e/hostile-sweep.py). */
    @Test
    void loginWithANulInTheEmailIsAnInvalidPayload() {
        Reply reply = api.post("/auth/login", Map.of("email", "a\u0000b@example.com", "password", PASSWORD))
                .expectFail(400, "Invalid payload.");
        assertEquals(List.of("email"), fields(reply));
        api.post("/auth/login", Map.of("email", "\u0000", "password", PASSWORD)).expectFail(400, "Invalid payload.");
    }

    @Test
    void registerWithInvalidFieldsNamesEachField() {
        Reply reply = api.register("short", "not-an-email", "tooshort").expectFail(400, "Invalid payload.");
        assertEquals(List.of("email", "password", "username"), fields(reply));
    }

    @Test
    void registerRulesAreTheClientsRules() {
        int before = api.userCount();
        String name = unique();
        api.register("a".repeat(5), name + "@example.com", PASSWORD).expectFail(400, "Invalid payload.");
        api.register("a".repeat(129), name + "@example.com", PASSWORD).expectFail(400, "Invalid payload.");
        api.register(name, "a@b.c", PASSWORD).expectFail(400, "Invalid payload.");
        api.register(name, "a".repeat(120) + "@example.com", PASSWORD).expectFail(400, "Invalid payload.");
        api.register(name, name + "@example.com", "a".repeat(10)).expectFail(400, "Invalid payload.");
        api.register(name, name + "@example.com", "a".repeat(129)).expectFail(400, "Invalid payload.");
        assertEquals(before, api.userCount());
        // the edges are allowed: 6-char username, 11- and 128-char passwords
        api.register("a" + name.substring(0, 5), name + "@example.com", "a".repeat(11)).expect(201, "success",
                "Successfully registered.");
        String other = unique();
        Reply longPassword = api.register(other, other + "@example.com", "é".repeat(128))
                .expect(201, "success", "Successfully registered.");
        api.login(other + "@example.com", "é".repeat(128)).expect(200, "success", "Successfully logged in.");
        // bcrypt alone would ignore everything after 72 bytes; a 128-char password must count in full
        api.login(other + "@example.com", "é".repeat(127) + "e").expectFail(401, "User does not exist.");
        assertNotNull(longPassword.authToken());
    }

    @Test
    void refreshRotatesAndAUsedTokenRevokesTheSession() {
        Reply registered = api.registerFresh(PASSWORD);
        String first = registered.refreshToken();

        Reply refreshed = api.post("/auth/refresh", Map.of("refresh_token", first))
                .expect(200, "success", "Successfully refreshed.");
        String second = refreshed.refreshToken();
        assertNotEquals(first, second);
        // the new access token is the same account's
        Map<String, Object> account = api.get("/auth/status", registered.authToken()).expect(200, "success", null).data();
        assertEquals(account, api.get("/auth/status", refreshed.authToken()).expect(200, "success", null).data());

        // replaying the used token fails, and also kills the token that replaced it
        api.post("/auth/refresh", Map.of("refresh_token", first)).expectFail(401, "Invalid token. Please log in again.");
        api.post("/auth/refresh", Map.of("refresh_token", second)).expectFail(401, "Invalid token. Please log in again.");
    }

    @Test
    void unknownOrMalformedRefreshTokensAreRefused() {
        api.post("/auth/refresh", Map.of("refresh_token", "made-up")).expectFail(401, "Invalid token. Please log in again.");
        api.post("/auth/refresh", Map.of()).expectFail(400, "Invalid payload.");
        api.post("/auth/refresh", Map.of("refresh_token", "x".repeat(300))).expectFail(400, "Invalid payload.");
    }

    @Test
    void getLogoutRevokesRefreshTokens() {
        Reply registered = api.registerFresh(PASSWORD);
        api.get("/auth/logout", registered.authToken()).expect(200, "success", "Successfully logged out.");
        api.post("/auth/refresh", Map.of("refresh_token", registered.refreshToken()))
                .expectFail(401, "Invalid token. Please log in again.");
    }

    @Test
    void headLogoutSignsNobodyOut() throws Exception {
        // Micronaut answers a HEAD with the GET route: it had revoked the caller's refresh tokens
        Reply registered = api.registerFresh(PASSWORD);
        java.net.http.HttpResponse<Void> head = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + "/auth/logout"))
                        .header("Authorization", "Bearer " + registered.authToken())
                        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        assertEquals("application/json", head.headers().firstValue("Content-Type").orElse(null));
        api.post("/auth/refresh", Map.of("refresh_token", registered.refreshToken()))
                .expect(200, "success", "Successfully refreshed.");
    }

    @Test
    void postLogoutAcceptsAnOptionalBody() {
        Reply first = api.registerFresh(PASSWORD);
        api.post("/auth/logout", Map.of("refresh_token", first.refreshToken()), first.authToken())
                .expect(200, "success", "Successfully logged out.");
        api.post("/auth/refresh", Map.of("refresh_token", first.refreshToken()))
                .expectFail(401, "Invalid token. Please log in again.");

        Reply second = api.registerFresh(PASSWORD);
        api.send(io.micronaut.http.HttpRequest.POST(server.getURL() + "/auth/logout", "")
                        .bearerAuth(second.authToken()))
                .expect(200, "success", "Successfully logged out.");
    }

    @Test
    void logoutAndStatusNeedAToken() {
        api.get("/auth/logout").expectFail(401, "Provide a valid auth token.");
        api.post("/auth/logout", Map.of()).expectFail(401, "Provide a valid auth token.");
        Reply status = api.get("/auth/status").expectFail(401, "Provide a valid auth token.");
        assertEquals("Bearer", status.headers().get("WWW-Authenticate"));
    }

    @Test
    void inactiveUsersCanNeitherLogInNorRefreshNorUseTheirToken() {
        String name = unique();
        Reply registered = api.register(name, name + "@example.com", PASSWORD);
        User user = users.findByEmailIgnoringCase(name + "@example.com").orElseThrow();
        users.update(new User(user.id(), user.username(), user.email(), user.passwordHash(), false, false,
                user.createdAt()));

        api.get("/auth/status", registered.authToken()).expectFail(401, "Something went wrong. Please contact us.");
        api.login(name + "@example.com", PASSWORD).expectFail(401, "Something went wrong. Please contact us.");
        api.post("/auth/refresh", Map.of("refresh_token", registered.refreshToken()))
                .expectFail(401, "Something went wrong. Please contact us.");
        // a wrong password still says only that the user does not exist
        api.login(name + "@example.com", "wrong password!").expectFail(401, "User does not exist.");
    }

    @Test
    void aDeletedUsersTokenIsRefused() {
        String name = unique();
        Reply registered = api.register(name, name + "@example.com", PASSWORD);
        users.delete(users.findByEmailIgnoringCase(name + "@example.com").orElseThrow());
        api.get("/auth/status", registered.authToken()).expectFail(401, "Something went wrong. Please contact us.");
    }

    private static List<String> fields(Reply reply) {
        assertNotNull(reply.errors(), () -> "errors in " + reply.body());
        return reply.errors().stream().map(error -> (String) error.get("field")).distinct().sorted().toList();
    }

    private static String unique() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    }
}
