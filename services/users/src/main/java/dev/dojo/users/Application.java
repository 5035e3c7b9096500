package dev.dojo.users;

import dev.dojo.common.startup.DojoApplication;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Entry point of the users service. */
@OpenAPIDefinition(info = @Info(title = "users", version = "1.0", description = "Dojo users service"))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        DojoApplication.run(Application.class, args);
    }
}
