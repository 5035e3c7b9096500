package dev.dojo.launcher;

import dev.dojo.launcher.database.DatabaseServer;
import dev.dojo.launcher.service.ServiceEnvironment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The wiring contract of launcher/README.md, variable by variable. */
class ServiceEnvironmentTest {

    private final PortPlan ports = PortPlan.of(LaunchOptions.parse(List.of("--base-port", "9100"), Map.of()));
    private final DatabaseServer database =
            new DatabaseServer("jdbc:postgresql://127.0.0.1:5432/postgres?sslmode=disable", "dojo", "secret");

    @Test
    void usersGetsItsDatabaseSeedFlagAndSigningKey() {
        Map<String, String> env = ServiceEnvironment.of(Service.USERS, ports, database, "dev_", true, "PEM");
        assertEquals("9101", env.get("MICRONAUT_SERVER_PORT"));
        assertEquals("jdbc:postgresql://127.0.0.1:5432/dev_users?sslmode=disable", env.get("DATASOURCES_DEFAULT_URL"));
        assertEquals("dojo", env.get("DATASOURCES_DEFAULT_USERNAME"));
        assertEquals("secret", env.get("DATASOURCES_DEFAULT_PASSWORD"));
        assertEquals("true", env.get("DOJO_SEED_DEMO"));
        assertEquals("PEM", env.get("DOJO_JWT_PRIVATE_KEY_PEM"));
    }

    @Test
    void evalValidatesTokensWithUsersKeys() {
        Map<String, String> env = ServiceEnvironment.of(Service.EVAL, ports, database, "", false, "PEM");
        assertEquals("jdbc:postgresql://127.0.0.1:5432/eval?sslmode=disable", env.get("DATASOURCES_DEFAULT_URL"));
        assertEquals("http://127.0.0.1:9101/keys", env.get("DOJO_USERS_JWKS_URL"));
        assertEquals("false", env.get("DOJO_SEED_DEMO"));
        assertFalse(env.containsKey("DOJO_JWT_PRIVATE_KEY_PEM"), "only users holds the private key");
    }

    @Test
    void mainAndSwapperKnowEveryService() {
        Map<String, String> main = ServiceEnvironment.of(Service.MAIN, ports, database, "", true, "PEM");
        assertEquals(Map.of("MICRONAUT_SERVER_PORT", "9100", "DOJO_USERS_URL", "http://127.0.0.1:9101",
                "DOJO_EVAL_URL", "http://127.0.0.1:9102", "DOJO_SWAPPER_URL", "http://127.0.0.1:9103"), main);
        Map<String, String> swapper = ServiceEnvironment.of(Service.SWAPPER, ports, database, "", true, "PEM");
        assertEquals(Map.of("MICRONAUT_SERVER_PORT", "9103", "DOJO_USERS_URL", "http://127.0.0.1:9101",
                "DOJO_EVAL_URL", "http://127.0.0.1:9102", "DOJO_MAIN_URL", "http://127.0.0.1:9100",
                "DOJO_PUBLIC_URL", "http://localhost:9100"), swapper);
    }
}
