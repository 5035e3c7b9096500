package dev.dojo.users.token;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RefreshFamilyRepository extends CrudRepository<RefreshFamily, Long> {

    /** The family, locked until the transaction ends: rotations and reuses of one family take turns here. */
    @Query("SELECT * FROM refresh_families WHERE id = :id FOR UPDATE")
    Optional<RefreshFamily> lock(long id);

    @Query("UPDATE refresh_families SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
    int revoke(long id);

    @Query("UPDATE refresh_families SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeAllOf(long userId);
}
