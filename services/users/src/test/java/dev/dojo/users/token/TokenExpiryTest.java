package dev.dojo.users.token;

import dev.dojo.testing.api.JsonApi.Reply;
import dev.dojo.testing.Eventually;
import dev.dojo.users.UsersTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * With a five-second lifetime (dojo.tokens.access-lifetime; long enough to use the token once on a loaded machine),
 * an access token soon says it has expired, also when it was accepted (and remembered) before.
 */
@MicronautTest(transactional = false)
class TokenExpiryTest extends UsersTest {


    @Override
    protected Map<String, String> extra() {
        return Map.of("dojo.tokens.access-lifetime", "5s");
    }

    @Test
    void accessTokensExpireAfterTheConfiguredLifetime() {
        Reply registered = api.registerFresh("a long enough password");
        // used while valid, so it is also remembered as verified (VerifiedTokens); that must not outlive exp
        api.get("/auth/status", registered.authToken()).expect(200, "success", null);
        // polled rather than slept: the token expires five seconds after its issue, whatever the machine's load
        Eventually.until("the access token expires",
                () -> api.get("/auth/status", registered.authToken()).status() == 401);
        api.get("/auth/status", registered.authToken()).expectFail(401, "Signature expired. Please log in again.");
        // the refresh token outlives it and yields a new pair (itself short-lived, so not used here)
        Reply refreshed = api.post("/auth/refresh", Map.of("refresh_token", registered.refreshToken()))
                .expect(200, "success", "Successfully refreshed.");
        assertNotEquals(registered.authToken(), refreshed.authToken());
    }
}
