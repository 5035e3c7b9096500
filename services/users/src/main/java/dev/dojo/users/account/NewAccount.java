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
        @NotNull @Size(min = 6, max = 128) @Pattern(regexp = VISIBLE_TEXT,
                message = "must not contain control or invisible characters")
        @Schema(minLength = 6, maxLength = 128, example = "michael") String username,
        @NotNull @Size(min = 6, max = 128) @Email(regexp = SIMPLE_EMAIL)
        @Schema(minLength = 6, maxLength = 128, format = "email", example = "michael@realpython.com") String email,
        @NotNull @Size(min = 11, max = 128)
        @Schema(minLength = 11, maxLength = 128, format = "password", example = "correct horse battery")
        String password) {

    /**
     * No control characters (\p{Cntrl}) or line breaks: names end up in logs and HTML. Nor the characters that make
     * one name look like another: spaces other than U+0020 (a trailing no-break space made a second "michael"),
     * zero-width and invisible characters, and direction overrides ({@code abc\u202Edef} shows as "abcfed"). Written
     * so that Java and ECMA-262 (the dialect of the published spec's {@code pattern}) read it alike: anchored, no \p
     * classes.
     */
    static final String VISIBLE_TEXT = "^[^\\x00-\\x1F\\x7F-\\x9F\\u00A0\\u00AD\\u034F\\u061C\\u115F\\u1160\\u1680"
            + "\\u17B4\\u17B5\\u180B-\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u206F\\u3000\\u3164"
            + "\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF0-\\uFFFB]*$";
    /** local@domain.tld without whitespace or control characters; jakarta's @Email alone accepts "a@b". */
    static final String SIMPLE_EMAIL = "^[^ \\x00-\\x1F\\x7F@]+@[^ \\x00-\\x1F\\x7F@]+\\.[^ \\x00-\\x1F\\x7F@]+$";

    @Override
    public String toString() {
        return "NewAccount[username=" + username + ", email=" + email + "]";
    }
}
