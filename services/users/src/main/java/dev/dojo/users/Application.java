package dev.dojo.users;

import dev.dojo.common.startup.DojoApplication;
import dev.dojo.common.openapi.SignedIn;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.info.Info;

/** Entry point of the users service. */
@OpenAPIDefinition(info = @Info(title = "users", version = "1.0", description = "Dojo users service"))
@SecurityScheme(name = SignedIn.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An access token (auth_token) from /auth/login or /auth/register")
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        DojoApplication.run(Application.class, args);
    }
}
