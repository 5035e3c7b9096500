package dev.dojo.users.account;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /auth/register} and {@code POST /users}: the client's rules, enforced again here.
 * Unknown fields are refused rather than silently dropped, so a typo in a field name is reported.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(name = "NewAccount")
public record NewAccount(
        @NotNull @Size(min = 6, max = 128) @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        @Schema(minLength = 6, maxLength = 128, example = "michael") String username,
        @NotNull @Size(min = 6, max = 128) @Email(regexp = SIMPLE_EMAIL)
        @Schema(minLength = 6, maxLength = 128, format = "email", example = "michael@realpython.com") String email,
        @NotNull @Size(min = 11, max = 128)
        @Schema(minLength = 11, maxLength = 128, format = "password", example = "correct horse battery")
        String password) {

    /**
     * No control characters (\p{Cntrl}) or line breaks: names end up in logs and HTML. Written so that Java and
     * ECMA-262 (the dialect of the published spec's {@code pattern}) read it alike: anchored, no \p classes.
     */
    static final String NO_CONTROL_CHARACTERS = "^[^\\x00-\\x1F\\x7F\\u2028\\u2029]*$";
    /** local@domain.tld without whitespace or control characters; jakarta's @Email alone accepts "a@b". */
    static final String SIMPLE_EMAIL = "^[^ \\x00-\\x1F\\x7F@]+@[^ \\x00-\\x1F\\x7F@]+\\.[^ \\x00-\\x1F\\x7F@]+$";

    @Override
    public String toString() {
        return "NewAccount[username=" + username + ", email=" + email + "]";
    }
}
