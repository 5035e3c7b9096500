package dev.dojo.users.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.dojo.common.text.NoNul;
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
        @NotBlank @Size(max = 128) @Pattern(regexp = NoNul.PATTERN, message = NoNul.MESSAGE)
        @Schema(example = "michael@realpython.com") String email,
        @NotBlank @Size(max = 128) @Schema(format = "password", example = "test") String password) {


    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
