package dev.dojo.common.openapi;

import dev.dojo.common.envelope.Envelope;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OpenAPI for an operation that needs a signed-in caller: the bearer token, and its 401 answer in the envelope.
 * Documentation only — the endpoint still says {@code @Secured(...)} itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@SecurityRequirement(name = SignedIn.BEARER)
@ApiResponse(responseCode = "401", description = SignedIn.UNAUTHORIZED,
        content = @Content(schema = @Schema(implementation = Envelope.class)))
public @interface SignedIn {

    /** The security scheme every service declares for users' access tokens. */
    String BEARER = "bearerAuth";
    String UNAUTHORIZED = "Missing, expired or invalid token";
}
