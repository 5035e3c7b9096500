package dev.dojo.common.security;

import dev.dojo.common.envelope.Messages;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.util.regex.Pattern;

/** Why a request that needed a token was turned away, each reason with the contract's message. */
public enum TokenRejection {
    MISSING(Messages.PROVIDE_TOKEN),
    EXPIRED(Messages.TOKEN_EXPIRED),
    INVALID(Messages.TOKEN_INVALID);

    /** Request attribute set by {@link ExpiryRecordingValidator} when a correctly signed token has expired. */
    static final String EXPIRED_ATTRIBUTE = "dojo.security.tokenExpired";

    /** "Bearer" then one token, like Micronaut's own bearer reader expects (case-insensitive scheme). */
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +\\S+\\s*");

    private final String message;

    TokenRejection(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    /** Classifies a request that reached the security layer without a valid authentication. */
    public static TokenRejection of(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !BEARER.matcher(header).matches()) {
            return MISSING;
        }
        return request.getAttribute(EXPIRED_ATTRIBUTE, Boolean.class).orElse(false) ? EXPIRED : INVALID;
    }
}
