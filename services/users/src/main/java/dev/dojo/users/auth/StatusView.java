package dev.dojo.users.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dojo.users.account.User;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** {@code data} of {@code GET /auth/status}: the caller's own account. */
@Serdeable
@Schema(name = "Status")
public record StatusView(long id, String username, String email, boolean active, boolean admin,
                         @JsonProperty("created_at") Instant createdAt) {

    static StatusView of(User user) {
        return new StatusView(user.id(), user.username(), user.email(), user.active(), user.admin(),
                user.createdAt());
    }
}
