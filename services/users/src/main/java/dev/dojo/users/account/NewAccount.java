package dev.dojo.users.account;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /auth/register} and {@code POST /users}: the client's rules, enforced again here.
 * Unknown fields are refused rather than silently dropped, so a typo in a field name is reported.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(name = "NewAccount")
public record NewAccount(
        @NotNull @Size(min = 6, max = 128) @ShownAsWritten @OneScript
        @Schema(minLength = 6, maxLength = 128, example = "michael", description = SHOWN_AS_WRITTEN
                + " Written in one script (or a language's mix: Latin with Han and Kana, Bopomofo or Hangul).")
        String username,
        @NotNull @Size(min = 6, max = 128) @Email(regexp = SIMPLE_EMAIL) @ShownAsWritten
        @Schema(minLength = 6, maxLength = 128, format = "email", example = "michael@realpython.com",
                description = SHOWN_AS_WRITTEN) String email,
        @NotNull @Size(min = 11, max = 128)
        @Schema(minLength = 11, maxLength = 128, format = "password", example = "correct horse battery")
        String password) {

    /** What {@link ShownAsWritten} asks, for the published spec (no JSON Schema keyword can say it). */
    static final String SHOWN_AS_WRITTEN = "Shown to other users, so it must look like no other value: no control, "
            + "format, invisible or private-use characters (zero-width and no-break spaces, direction overrides, "
            + "tag characters, variation selectors, fillers), no space at either end or two in a row, in Unicode "
            + "normalization form C (NFC) and without compatibility characters (full-width letters, ligatures: "
            + "NFKC).";
    /** local@domain.tld without whitespace or control characters; jakarta's @Email alone accepts "a@b". */
    static final String SIMPLE_EMAIL = "^[^ \\x00-\\x1F\\x7F@]+@[^ \\x00-\\x1F\\x7F@]+\\.[^ \\x00-\\x1F\\x7F@]+$";

    @Override
    public String toString() {
        return "NewAccount[username=" + username + ", email=" + email + "]";
    }
}
