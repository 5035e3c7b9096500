package dev.dojo.users.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /auth/login}. Limits only stop absurd inputs before bcrypt runs. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(name = "LoginRequest")
public record LoginRequest(
        @NotBlank @Size(max = 128) @Pattern(regexp = NO_NUL, message = "must not contain NUL characters")
        @Schema(example = "michael@realpython.com") String email,
        @NotBlank @Size(max = 128) @Schema(format = "password", example = "test") String password) {

    /** PostgreSQL refuses a NUL in a query parameter: without this rule such an email was a 500, not a 400. */
    static final String NO_NUL = "^[^\\x00]*$"; // anchored, as the spec's ECMA-262 pattern must be

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
