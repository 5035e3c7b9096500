package dev.dojo.users.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** What anyone may see of an account. */
@Serdeable
@Schema(name = "User")
public record UserView(long id, String username, String email, @JsonProperty("created_at") Instant createdAt) {

    public static UserView of(User user) {
        return new UserView(user.id(), user.username(), user.email(), user.createdAt());
    }
}
