package dev.dojo.common.security;

import dev.dojo.common.envelope.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reason given to a request that reached the security layer without a valid authentication. */
class TokenRejectionTest {

    @Test
    void noAuthorizationHeaderMeansMissing() {
        assertEquals(TokenRejection.MISSING, TokenRejection.of(HttpRequest.GET("/users/1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer a b", "Token abc", "Bearerabc"})
    void aHeaderThatCarriesNoSingleBearerTokenMeansMissing(String header) {
        assertEquals(TokenRejection.MISSING, TokenRejection.of(withAuthorization(header)), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc", "bearer abc", "BEARER abc", "Bearer   abc", "Bearer abc "})
    void aBearerTokenThatFailedIsInvalid(String header) {
        assertEquals(TokenRejection.INVALID, TokenRejection.of(withAuthorization(header)), header);
    }

    @Test
    void aBearerTokenMarkedExpiredIsExpired() {
        MutableHttpRequest<?> request = withAuthorization("Bearer abc");
        request.setAttribute(TokenRejection.EXPIRED_ATTRIBUTE, Boolean.TRUE);
        assertEquals(TokenRejection.EXPIRED, TokenRejection.of(request));
    }

    @Test
    void anExpiredMarkIsIgnoredWithoutABearerToken() {
        MutableHttpRequest<?> request = HttpRequest.GET("/users/1");
        request.setAttribute(TokenRejection.EXPIRED_ATTRIBUTE, Boolean.TRUE);
        assertEquals(TokenRejection.MISSING, TokenRejection.of(request));
    }

    @Test
    void aFalseExpiredMarkIsInvalid() {
        MutableHttpRequest<?> request = withAuthorization("Bearer abc");
        request.setAttribute(TokenRejection.EXPIRED_ATTRIBUTE, Boolean.FALSE);
        assertEquals(TokenRejection.INVALID, TokenRejection.of(request));
    }

    @Test
    void eachReasonCarriesTheContractsMessage() {
        assertEquals(Messages.PROVIDE_TOKEN, TokenRejection.MISSING.message());
        assertEquals(Messages.TOKEN_EXPIRED, TokenRejection.EXPIRED.message());
        assertEquals(Messages.TOKEN_INVALID, TokenRejection.INVALID.message());
    }

    static MutableHttpRequest<?> withAuthorization(String header) {
        return HttpRequest.GET("/users/1").header("Authorization", header);
    }
}
