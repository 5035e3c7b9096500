package dev.dojo.eval;

import dev.dojo.eval.sandbox.Sandbox;
import dev.dojo.eval.sandbox.SandboxStatus;
import io.micronaut.context.ApplicationContext;

import java.util.Map;

/**
 * Grades the sandbox's probe program once and exits 0 when it passed, 1 (with the reason) when not: the image
 * build runs this inside the built eval image, under the container settings Compose and Kubernetes use
 * ({@code java -cp @/app/jib-classpath-file dev.dojo.eval.SandboxCheck}). No database and no HTTP server: the
 * pool is told not to connect at start and Flyway stays off.
 */
public final class SandboxCheck {

    private SandboxCheck() {
    }

    public static void main(String[] args) {
        SandboxStatus status;
        try (ApplicationContext context = ApplicationContext.builder(SandboxCheck.class)
                .deduceEnvironment(false)
                .properties(Map.of(
                        "datasources.default.url", "jdbc:postgresql://127.0.0.1:1/unused",
                        "datasources.default.initialization-fail-timeout", -1,
                        "flyway.datasources.default.enabled", false,
                        "dojo.seed-demo", false,
                        "dojo.devdb.enabled", false))
                .start()) {
            status = context.getBean(Sandbox.class).probe();
        }
        System.out.println((status.available() ? "sandbox check passed: " : "sandbox check FAILED: ")
                + status.detail());
        System.exit(status.available() ? 0 : 1);
    }
}
