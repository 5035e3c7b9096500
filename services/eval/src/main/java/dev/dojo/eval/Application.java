package dev.dojo.eval;

import dev.dojo.common.openapi.SignedIn;
import dev.dojo.common.startup.DojoApplication;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Entry point of the eval service. */
@OpenAPIDefinition(info = @Info(title = "eval", version = "1.0",
        description = "Dojo eval service: exercises, sandboxed grading of submissions, and scores"))
@SecurityScheme(name = SignedIn.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        DojoApplication.run(Application.class, args);
    }
}
