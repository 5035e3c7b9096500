package dev.dojo.launcher;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaunchOptionsTest {

    @Test
    void flagsWinOverEnvironmentWhichWinsOverDefaults() {
        LaunchOptions options = LaunchOptions.parse(List.of("--port=9000", "--database-user", "me"),
                Map.of("DOJO_PORT", "7000", "DOJO_DATABASE_USER", "env", "DOJO_BASE_PORT", "7100"));
        PortPlan plan = PortPlan.of(options);
        assertEquals(9000, plan.of(Service.MAIN));
        assertEquals(7101, plan.of(Service.USERS));
        assertEquals(7103, plan.of(Service.SWAPPER));
        assertEquals("me", options.databaseUser());
    }

    @Test
    void defaultsAreTheDocumentedPorts() {
        PortPlan plan = PortPlan.of(LaunchOptions.parse(List.of(), Map.of()));
        assertEquals(List.of(8081, 8082, 8083, 8080), List.of(plan.of(Service.USERS), plan.of(Service.EVAL),
                plan.of(Service.SWAPPER), plan.of(Service.MAIN)));
    }

    @Test
    void everyVariableTheHelpNamesIsRead() {
        LaunchOptions defaults = LaunchOptions.parse(List.of(), Map.of());
        assertEquals(List.of("postgres", "", "", false), List.of(defaults.databaseUser(), defaults.databasePassword(),
                defaults.databasePrefix(), defaults.observe()));
        LaunchOptions fromEnv = LaunchOptions.parse(List.of(), Map.of("DOJO_DATABASE_PASSWORD", "pw",
                "DOJO_DATABASE_PREFIX", "ci_", "DOJO_OBSERVE", "true", "DOJO_JVM_OPTS", "-Xmx1g",
                "DOJO_DATA_DIR", "/tmp/d", "DOJO_DATABASE_URL", "jdbc:postgresql://h:1/db"));
        assertEquals(List.of("pw", "ci_", true, "-Xmx1g", "/tmp/d", "jdbc:postgresql://h:1/db"),
                List.of(fromEnv.databasePassword(), fromEnv.databasePrefix(), fromEnv.observe(),
                        fromEnv.jvmOpts().orElseThrow(), fromEnv.dataDir().orElseThrow().toString(),
                        fromEnv.databaseUrl().orElseThrow()));
    }

    @Test
    void randomPortsAreDistinct() {
        PortPlan plan = PortPlan.of(LaunchOptions.parse(List.of("--random-ports"), Map.of()));
        assertEquals(5, new java.util.HashSet<>(List.of(plan.of(Service.USERS), plan.of(Service.EVAL),
                plan.of(Service.SWAPPER), plan.of(Service.MAIN), plan.postgres())).size());
    }

    @Test
    void badInputIsAUsageErrorNamingTheOption() {
        LaunchFailure unknown = assertThrows(LaunchFailure.class,
                () -> LaunchOptions.parse(List.of("--nope"), Map.of()));
        assertEquals(LaunchFailure.USAGE, unknown.exitCode());
        assertTrue(unknown.getMessage().contains("--nope"));
        LaunchFailure port = assertThrows(LaunchFailure.class,
                () -> LaunchOptions.parse(List.of("--port", "70000"), Map.of()));
        assertTrue(port.getMessage().contains("--port"));
        LaunchFailure url = assertThrows(LaunchFailure.class,
                () -> LaunchOptions.parse(List.of("--database-url", "postgres://x"), Map.of()));
        assertTrue(url.getMessage().contains("jdbc:postgresql://"));
        assertThrows(LaunchFailure.class, () -> LaunchOptions.parse(List.of("--port"), Map.of()));
    }

    @Test
    void environmentValuesAreCheckedLikeFlags() {
        LaunchFailure port = assertThrows(LaunchFailure.class,
                () -> LaunchOptions.parse(List.of(), Map.of("DOJO_PG_PORT", "many")));
        assertEquals(LaunchFailure.USAGE, port.exitCode());
        assertTrue(port.getMessage().contains("--pg-port"), port.getMessage());
        LaunchOptions blank = LaunchOptions.parse(List.of(), Map.of("DOJO_READY_TIMEOUT", " ", "DOJO_HOME", ""));
        assertEquals(LaunchOptions.DEFAULT_READY_TIMEOUT, blank.readyTimeoutSeconds());
        assertTrue(blank.home().isEmpty());
        LaunchFailure timeout = assertThrows(LaunchFailure.class,
                () -> LaunchOptions.parse(List.of("--ready-timeout=0"), Map.of()));
        assertTrue(timeout.getMessage().contains("--ready-timeout"), timeout.getMessage());
    }

    @Test
    void helpIsGeneratedAndListsEveryOption() {
        assertTrue(LaunchOptions.parse(List.of("-h"), Map.of()).help());
        String help = LaunchOptions.usage();
        for (String flag : List.of("--port", "--base-port", "--users-port", "--eval-port", "--swapper-port",
                "--random-ports", "--data-dir", "--reset", "--database-url", "--database-user", "--database-password",
                "--database-prefix", "--pg-port", "--no-seed", "--jvm-opts", "--ready-timeout", "--home", "--help")) {
            assertTrue(help.contains(flag), () -> flag + " missing from\n" + help);
        }
        assertTrue(help.startsWith("Usage: ./dojo [options]"), help);
        assertTrue(help.contains("SIGTERM"), help);
    }
}
