package dev.dojo.users.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * {@code data} of {@code GET /users}: newest first. The list is written even when empty ({@code "users": []}):
 * users' serializer leaves out empty values by default, and a platform without accounts answered {@code "data": {}}.
 */
@Serdeable
@Schema(name = "UserList")
public record UserList(@JsonInclude(JsonInclude.Include.ALWAYS) List<UserView> users) {
}
