package dev.dojo.main;

import dev.dojo.common.startup.DojoApplication;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Entry point of the main service. */
@OpenAPIDefinition(info = @Info(title = "main", version = "1.0", description = "Dojo main service"))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        DojoApplication.run(Application.class, args);
    }
}
