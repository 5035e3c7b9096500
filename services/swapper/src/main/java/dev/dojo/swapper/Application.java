package dev.dojo.swapper;

import dev.dojo.common.startup.DojoApplication;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Entry point of the swapper service. */
@OpenAPIDefinition(info = @Info(title = "swapper", version = "1.0", description = "Dojo swapper service"))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        DojoApplication.run(Application.class, args);
    }
}
