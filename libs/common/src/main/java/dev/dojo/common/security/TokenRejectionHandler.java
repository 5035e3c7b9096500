package dev.dojo.common.security;

import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.envelope.Messages;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers requests the security layer turned away: 401 with the reason the token was refused
 * ({@link TokenRejection}), or 403 when the caller is signed in but lacks the role. Replaces Micronaut's handler,
 * which knows only "unauthorized" and has no notion of the contract's messages.
 */
@Singleton
@Requires(classes = AuthorizationException.class)
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class TokenRejectionHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(Envelope.fail(Messages.NO_PERMISSION));
        }
        return unauthorized(TokenRejection.of(request));
    }

    /** A 401 in the envelope; services use it too when a valid token's user is gone or inactive. */
    public static MutableHttpResponse<Envelope<Void>> unauthorized(TokenRejection rejection) {
        return unauthorized(rejection.message());
    }

    public static MutableHttpResponse<Envelope<Void>> unauthorized(String message) {
        return HttpResponse.<Envelope<Void>>status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Envelope.fail(message));
    }
}
