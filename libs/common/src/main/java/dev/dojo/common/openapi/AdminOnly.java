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
 * OpenAPI for an operation only admins may call: it needs the bearer token, and its 401 and 403 answers are the
 * envelope. Documentation only — the endpoint still says {@code @Secured(Roles.ADMIN)} itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@SecurityRequirement(name = SignedIn.BEARER)
@ApiResponse(responseCode = "401", description = SignedIn.UNAUTHORIZED,
        content = @Content(schema = @Schema(implementation = Envelope.class)))
@ApiResponse(responseCode = "403", description = "You do not have permission to do that.",
        content = @Content(schema = @Schema(implementation = Envelope.class)))
public @interface AdminOnly {
}
