package dev.dojo.common.security;

import io.micronaut.security.authentication.Authentication;

/**
 * The signed-in user behind a request, as the access token states it.
 *
 * @param userId the token's {@code sub}
 * @param admin  whether the token carries the {@code admin} role
 */
public record Caller(long userId, boolean admin) {

    /**
     * Reads the caller from an authentication that Micronaut built from a validated token.
     *
     * @throws IllegalArgumentException if {@code sub} is not a user id (users never issues such a token)
     */
    public static Caller of(Authentication authentication) {
        long id;
        try {
            id = Long.parseLong(authentication.getName());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("token subject is not a user id");
        }
        return new Caller(id, authentication.getRoles().contains(Roles.ADMIN));
    }
}
