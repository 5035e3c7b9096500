package dev.dojo.common.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.ExpirationJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.util.Date;

/**
 * Micronaut's expiration check, plus a note on the request when it fails. Claims are checked only after the
 * signature verified, so the note means "this is our token and it has expired": {@link TokenRejectionHandler}
 * answers "Signature expired" for it and "Invalid token" for every other rejection. Unlike Micronaut's check it
 * also rejects tokens without {@code exp}: Dojo never issues one, so such a token is not ours.
 */
@Singleton
@Requires(classes = ExpirationJwtClaimsValidator.class)
@Replaces(ExpirationJwtClaimsValidator.class)
public class ExpiryRecordingValidator<T> implements GenericJwtClaimsValidator<T> {

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        Date expiresAt = expiry(claims.get(Claims.EXPIRATION_TIME));
        if (expiresAt == null) {
            return false;
        }
        if (expiresAt.before(new Date())) {
            if (request instanceof HttpRequest<?> httpRequest) {
                httpRequest.setAttribute(TokenRejection.EXPIRED_ATTRIBUTE, Boolean.TRUE);
            }
            return false;
        }
        return true;
    }

    /** Nimbus hands {@code exp} over as a Date; be lenient about seconds given as a number. */
    private static Date expiry(Object exp) {
        if (exp instanceof Date date) {
            return date;
        }
        if (exp instanceof Number seconds) {
            return new Date(seconds.longValue() * 1000);
        }
        return null;
    }
}
