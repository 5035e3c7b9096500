package dev.dojo.users.auth;

import dev.dojo.users.token.RefreshTokens;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The records that carry passwords and tokens print without them: a log line or an exception message that shows
 * one (Micronaut logs request bodies on binding errors, a debugger shows {@code toString}) leaks nothing.
 */
class SecretsOutOfLogsTest {

    private static final String PASSWORD = "s3cret-password";
    private static final String ACCESS = "eyJhbGciOiJSUzI1NiJ9.access";
    private static final String REFRESH = "zmpIJckDlmxsp473wbkEOsjb5TIHRmkB2q9o5MWxTuk";

    @Test
    void eachRecordNamesWhatItIsAndNoSecret() {
        assertEquals("LoginRequest[email=michael@realpython.com]",
                new LoginRequest("michael@realpython.com", PASSWORD).toString());
        assertEquals("RefreshRequest[…]", new RefreshRequest(REFRESH).toString());
        assertEquals("TokenPair[…]", new TokenPair(ACCESS, REFRESH).toString());
        assertEquals("TokenResponse[Successfully logged in.]",
                TokenResponse.of("Successfully logged in.", new TokenPair(ACCESS, REFRESH)).toString());
        assertEquals("Rotation[userId=7]", new RefreshTokens.Rotation(7, REFRESH).toString());
    }
}
