package dev.dojo.users.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dojo.common.envelope.Envelope;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The envelope of register, login and refresh: the message plus a fresh token pair. */
@Serdeable
@Schema(name = "TokenResponse")
public record TokenResponse(
        @Schema(type = "string", allowableValues = "success") String status,
        String message,
        @JsonProperty("auth_token") @Schema(description = "RS256 access token (JWT)") String authToken,
        @JsonProperty("refresh_token") @Schema(description = "opaque, single-use") String refreshToken) {

    static TokenResponse of(String message, TokenPair tokens) {
        return new TokenResponse(Envelope.SUCCESS, message, tokens.accessToken(), tokens.refreshToken());
    }

    @Override
    public String toString() {
        return "TokenResponse[" + message + "]";
    }
}
