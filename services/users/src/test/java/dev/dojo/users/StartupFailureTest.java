package dev.dojo.users;

import dev.dojo.testing.process.ChildProcess;
import dev.dojo.testing.process.ChildProcess.Result;
import dev.dojo.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A misconfigured service stops at once with exit code 1 and one log line naming the setting to fix, not a stack
 * trace. Runs the real main class in a child JVM, since the failure ends the process.
 */
class StartupFailureTest {

    @Test
    void aMalformedPortNamesTheSetting() throws Exception {
        Map<String, Object> database = TestDatabase.freshDatasource("users_startup");
        Result result = start(Map.of("MICRONAUT_SERVER_PORT", "not-a-port",
                "DATASOURCES_DEFAULT_URL", String.valueOf(database.get("datasources.default.url")),
                "DATASOURCES_DEFAULT_USERNAME", String.valueOf(database.get("datasources.default.username"))));
        assertEquals(1, result.exitCode(), result.output());
        assertOneErrorLine(result, "micronaut.server.port");
    }

    @Test
    void anUnreachableDatabaseNamesTheSetting() throws Exception {
        Result result = start(Map.of("MICRONAUT_SERVER_PORT", "0",
                "DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:1/users"));
        assertEquals(1, result.exitCode(), result.output());
        assertOneErrorLine(result, "DATASOURCES_DEFAULT_URL");
    }

    /** A migration the database refused was reported as "the database is unreachable": the refusal is named. */
    @Test
    void aRefusedMigrationIsNamedWithTheDatabasesWords() throws Exception {
        Map<String, Object> database = TestDatabase.freshDatasource("users_startup");
        String url = String.valueOf(database.get("datasources.default.url"));
        String user = String.valueOf(database.get("datasources.default.username"));
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").target("3").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (username, email, password) VALUES ('Ada', 'a1@example.com', 'x'), "
                    + "('ada', 'a2@example.com', 'x')");
        }
        Result result = start(Map.of("MICRONAUT_SERVER_PORT", "0", "DATASOURCES_DEFAULT_URL", url,
                "DATASOURCES_DEFAULT_USERNAME", user));
        assertEquals(1, result.exitCode(), result.output());
        assertOneErrorLine(result, "the database refused a statement of migration V4__usernames_case_insensitive.sql:"
                + " ERROR: usernames that differ only in case: Ada / ada (ids 1, 2)");
    }

    private static void assertOneErrorLine(Result result, String setting) {
        List<String> errors = result.output().lines().filter(line -> line.contains(" ERROR ")).toList();
        assertEquals(1, errors.stream().filter(line -> line.contains("Startup failed")).count(), result.output());
        assertTrue(errors.stream().anyMatch(line -> line.contains("Startup failed") && line.contains(setting)),
                result.output());
        assertFalse(result.output().lines().anyMatch(line -> line.startsWith("\tat ")), "no stack trace:\n" + result.output());
    }

    private static Result start(Map<String, String> env) throws IOException, InterruptedException {
        // a deadline against a hang only: a child JVM starting on a loaded machine took over a minute
        return ChildProcess.runMain(Application.class, env, Duration.ofMinutes(5));
    }
}
