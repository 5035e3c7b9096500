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
}
