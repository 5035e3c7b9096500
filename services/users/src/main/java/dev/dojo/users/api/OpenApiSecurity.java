package dev.dojo.users.api;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The bearer-JWT scheme that protected operations name in {@code @SecurityRequirement(name = "bearerAuth")}. */
@SecurityScheme(name = OpenApiSecurity.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An access token (auth_token) from /auth/login or /auth/register")
public final class OpenApiSecurity {

    public static final String BEARER = "bearerAuth";

    private OpenApiSecurity() {
    }
}
