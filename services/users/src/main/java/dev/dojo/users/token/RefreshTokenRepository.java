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
     * Marks a token used if it is live: not used or revoked before and not expired (by the database's clock).
     * Called with the token's family locked.
     */
    @Query("UPDATE refresh_tokens SET revoked_at = now() "
            + "WHERE id = :id AND revoked_at IS NULL AND expires_at > now()")
    int consume(long id);

    @Query("UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = :familyId AND revoked_at IS NULL")
    int revokeFamily(long familyId);

    @Query("UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeAllOf(long userId);
}
