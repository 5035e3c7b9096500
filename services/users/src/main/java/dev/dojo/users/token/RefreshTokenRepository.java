package dev.dojo.users.token;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RefreshTokenRepository extends CrudRepository<RefreshToken, Long> {

    Optional<RefreshToken> findByTokenHash(String tokenHash);

    /**
     * Marks a live token used. One statement, so of two concurrent exchanges of the same token exactly one
     * sees 1 and the other 0.
     */
    @Query("UPDATE refresh_tokens SET revoked_at = now() "
            + "WHERE token_hash = :tokenHash AND revoked_at IS NULL AND expires_at > now()")
    int consume(String tokenHash);

    @Query("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeAllOf(long userId);
}
