package dev.dojo.users.api;

/**
 * The name of the bearer-JWT scheme (declared on {@code Application}, where the OpenAPI processor reads it) that
 * protected operations name in {@code @SecurityRequirement}.
 */
public final class OpenApiSecurity {

    public static final String BEARER = "bearerAuth";

    private OpenApiSecurity() {
    }
}
