package dev.dojo.users.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /auth/refresh} (and, optionally, of {@code POST /auth/logout}). */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(name = "RefreshRequest")
public record RefreshRequest(
        @JsonProperty("refresh_token") @NotBlank @Size(max = 256)
        @Schema(example = "zmpIJckDlmxsp473wbkEOsjb5TIHRmkB2q9o5MWxTuk") String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[…]";
    }
}
