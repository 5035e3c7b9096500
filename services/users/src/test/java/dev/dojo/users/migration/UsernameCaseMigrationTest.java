package dev.dojo.users.migration;

import dev.dojo.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V4 makes usernames unique whatever their case. A database that already holds two usernames differing only in
 * case stops the upgrade naming them, changes nothing, and upgrades once they are renamed; afterwards the index
 * refuses such a pair.
 */
class UsernameCaseMigrationTest {

    @Test
    void namesTheClashesStopsAndUpgradesOnceTheyAreRenamed() throws SQLException {
        Map<String, Object> database = TestDatabase.freshDatasource("users");
        String url = String.valueOf(database.get("datasources.default.url"));
        String user = String.valueOf(database.get("datasources.default.username"));
        Flyway released = Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration")
                .target("3").load();
        released.migrate();
        execute(url, user, "INSERT INTO users (username, email, password) VALUES ('Michael', 'm1@example.com', 'x'), "
                + "('michael', 'm2@example.com', 'x'), ('other', 'o@example.com', 'x')");

        Flyway current = Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load();
        FlywayException stopped = assertThrows(FlywayException.class, current::migrate);
        assertTrue(stopped.getMessage().contains("usernames that differ only in case: Michael / michael (ids 1, 2)"),
                stopped.getMessage());
        assertEquals("3", current.info().current().getVersion().getVersion(), "a failed V4 must leave V3 in place");

        execute(url, user, "UPDATE users SET username = 'michael2' WHERE id = 2");
        current.migrate();
        assertEquals("4", current.info().current().getVersion().getVersion());
        SQLException duplicate = assertThrows(SQLException.class, () -> execute(url, user,
                "INSERT INTO users (username, email, password) VALUES ('OTHER', 'o2@example.com', 'x')"));
        assertTrue(duplicate.getMessage().contains("users_username_key"), duplicate.getMessage());
    }

    private static void execute(String url, String user, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
