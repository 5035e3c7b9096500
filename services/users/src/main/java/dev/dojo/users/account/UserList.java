package dev.dojo.users.account;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** {@code data} of {@code GET /users}: newest first. */
@Serdeable
@Schema(name = "UserList")
public record UserList(List<UserView> users) {
}
