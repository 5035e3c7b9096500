package dev.dojo.common.security;

import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.envelope.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** 401 with the token's reason for anonymous callers, 403 for signed-in callers without the role. */
class TokenRejectionHandlerTest {

    private final TokenRejectionHandler handler = new TokenRejectionHandler();

    @Test
    void aSignedInCallerWithoutTheRoleIsForbidden() {
        AuthorizationException denied = new AuthorizationException(Authentication.build("7", List.of(Roles.USER)));
        MutableHttpResponse<?> response = handler.handle(
                TokenRejectionTest.withAuthorization("Bearer abc"), denied);
        assertEquals(HttpStatus.FORBIDDEN, response.getStatus());
        assertEquals(Envelope.fail(Messages.NO_PERMISSION), response.body());
        assertNull(response.getHeaders().get("WWW-Authenticate"));
    }

    @Test
    void anAnonymousCallerWithoutATokenIsAskedForOne() {
        assertUnauthorized(HttpRequest.GET("/users/1"), Messages.PROVIDE_TOKEN);
    }

    @Test
    void anAnonymousCallerWithAFailedTokenIsToldItIsInvalid() {
        assertUnauthorized(TokenRejectionTest.withAuthorization("Bearer abc"), Messages.TOKEN_INVALID);
    }

    @Test
    void anAnonymousCallerWithAnExpiredTokenIsToldItExpired() {
        MutableHttpRequest<?> request = TokenRejectionTest.withAuthorization("Bearer abc");
        request.setAttribute(TokenRejection.EXPIRED_ATTRIBUTE, Boolean.TRUE);
        assertUnauthorized(request, Messages.TOKEN_EXPIRED);
    }

    @Test
    void servicesCanAnswerUnauthorizedWithAReasonOrMessage() {
        MutableHttpResponse<Envelope<Void>> byReason = TokenRejectionHandler.unauthorized(TokenRejection.EXPIRED);
        assertEquals(HttpStatus.UNAUTHORIZED, byReason.getStatus());
        assertEquals("Bearer", byReason.getHeaders().get("WWW-Authenticate"));
        assertEquals(Envelope.fail(Messages.TOKEN_EXPIRED), byReason.body());
        MutableHttpResponse<Envelope<Void>> byMessage = TokenRejectionHandler.unauthorized("gone");
        assertEquals(HttpStatus.UNAUTHORIZED, byMessage.getStatus());
        assertEquals(Envelope.fail("gone"), byMessage.body());
    }

    private void assertUnauthorized(HttpRequest<?> request, String message) {
        MutableHttpResponse<?> response = handler.handle(request, new AuthorizationException(null));
        assertEquals(HttpStatus.UNAUTHORIZED, response.getStatus());
        assertEquals("Bearer", response.getHeaders().get("WWW-Authenticate"));
        assertEquals(Envelope.fail(message), response.body());
    }
}
