package dev.dojo.users.token;

import dev.dojo.testing.api.JsonApi.Reply;
import dev.dojo.testing.Eventually;
import dev.dojo.users.UsersTest;
import dev.dojo.users.account.User;
import dev.dojo.users.account.UserRepository;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remembered-token path over real HTTP: once a token has been accepted (and is answered from memory), every
 * contract rule still holds — tampered copies are refused, roles still decide, a deactivated account is refused
 * within the read-cache time, logout still ends the session's refresh token.
 */
@MicronautTest(transactional = false)
class VerifiedTokenCacheTest extends UsersTest {

    private static final String INVALID = "Invalid token. Please log in again.";
    private static final String UNAVAILABLE = "Something went wrong. Please contact us.";
    private static final long READ_CACHE_MILLIS = 300;

    @Inject
    UserRepository users;
    @Inject
    VerifiedTokens verified;


    @Override
    protected Map<String, String> extra() {
        return Map.of("dojo.read-cache.ttl", READ_CACHE_MILLIS + "ms");
    }

    @BeforeAll
    void connect() {
    }

    @Test
    void anAcceptedTokenIsRememberedAndTamperedCopiesAreStillRefused() {
        String token = api.registerFresh("a long enough password").authToken();
        api.get("/auth/status", token).expect(200, "success", null);
        assertTrue(verified.find(token).isPresent(), "the accepted token is remembered");
        api.get("/auth/status", token).expect(200, "success", null);

        String[] parts = token.split("\\.");
        // a character in the middle (the last one of a 256-byte signature also holds padding bits base64 ignores)
        int middle = parts[2].length() / 2;
        char other = parts[2].charAt(middle) == 'A' ? 'B' : 'A';
        String otherSignature = parts[2].substring(0, middle) + other + parts[2].substring(middle + 1);
        api.get("/auth/status", parts[0] + "." + parts[1] + "." + otherSignature).expectFail(401, INVALID);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"roles\":[\"user\"]", "\"roles\":[\"user\",\"admin\"]");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        api.get("/auth/status", forged).expectFail(401, INVALID);
        api.get("/auth/status", token + "x").expectFail(401, INVALID);
        assertTrue(verified.find(forged).isEmpty(), "refusals are never remembered");
    }

    @Test
    void aRememberedTokenKeepsItsRoles() {
        String token = api.registerFresh("a long enough password").authToken();
        Map<String, String> account = Map.of("username", "cached" + System.nanoTime() % 1_000_000,
                "email", "cached" + System.nanoTime() + "@example.com", "password", "a long enough password");
        api.post("/users", account, token).expectFail(403, "You do not have permission to do that.");
        assertTrue(verified.find(token).isPresent());
        api.post("/users", account, token).expectFail(403, "You do not have permission to do that.");
    }

    @Test
    void aDeactivatedAccountIsRefusedWithinTheReadCacheTime() {
        Reply registered = api.registerFresh("a long enough password");
        api.get("/auth/status", registered.authToken()).expect(200, "success", null);
        api.get("/auth/status", registered.authToken()).expect(200, "success", null);
        long id = Long.parseLong(String.valueOf(api.get("/auth/status", registered.authToken()).data().get("id")));
        User user = users.findById(id).orElseThrow();
        users.update(new User(user.id(), user.username(), user.email(), user.passwordHash(), false, false,
                user.createdAt()));

        // refused once the cached row expires (the read-cache time; polled, since a loaded machine may be slow)
        Eventually.until("the deactivated account is refused",
                () -> api.get("/auth/status", registered.authToken()).status() == 401);
        api.get("/auth/status", registered.authToken()).expectFail(401, UNAVAILABLE);
        api.get("/auth/status", registered.authToken()).expectFail(401, UNAVAILABLE);
    }

    @Test
    void logoutWithARememberedTokenStillRevokesTheRefreshToken() {
        Reply registered = api.registerFresh("a long enough password");
        api.get("/auth/status", registered.authToken()).expect(200, "success", null);
        api.get("/auth/logout", registered.authToken()).expect(200, "success", "Successfully logged out.");
        api.post("/auth/refresh", Map.of("refresh_token", registered.refreshToken())).expectFail(401, INVALID);
    }
}
