package dev.dojo.users.token;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of {@code refresh_tokens}: the SHA-256 of a token handed out once, never the token itself, and the family
 * ({@link RefreshFamily}) it belongs to.
 */
@MappedEntity("refresh_tokens")
public record RefreshToken(
        @Id @GeneratedValue @Nullable Long id,
        long userId,
        long familyId,
        String tokenHash,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        @DateCreated @Nullable Instant createdAt) {
}
