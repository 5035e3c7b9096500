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
        // Netty's pooled allocator with per-thread caches: every proxied request allocates and frees a few buffers on
        // its event loop, and the adaptive default (Netty 4.2) costs main about 1 µs more CPU per request
        // (bench/gateway/RESULTS.md). Before anything touches Netty; an explicit -D wins.
        if (System.getProperty("io.netty.allocator.type") == null) {
            System.setProperty("io.netty.allocator.type", "pooled");
        }
        DojoApplication.run(Application.class, args);
    }
}
