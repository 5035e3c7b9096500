package dev.dojo.users.token;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of {@code refresh_families}: the chain of refresh tokens that one sign-in started. Its row is the lock that
 * serializes rotation and reuse detection; once revoked, no token of the family is accepted again.
 */
@MappedEntity("refresh_families")
public record RefreshFamily(
        @Id @GeneratedValue @Nullable Long id,
        long userId,
        @Nullable Instant revokedAt,
        @DateCreated @Nullable Instant createdAt) {

    static RefreshFamily startedBy(long userId) {
        return new RefreshFamily(null, userId, null, null);
    }
}
