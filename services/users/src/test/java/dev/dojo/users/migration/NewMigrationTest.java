package dev.dojo.users.migration;

import dev.dojo.testing.TestDatabase;
import dev.dojo.users.Api;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * docs/how-to/add-a-migration.md, followed once as an upgrade: a database migrated by the released files holds a
 * user; then the service starts with the how-to's next two files (a nullable column, then its index in a migration
 * of its own) beside the released ones, Flyway applies them at start, the existing row survives and the service
 * still registers and signs in. The files go to a temporary directory added to Flyway's locations, so the
 * repository's migrations stay as they are.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewMigrationTest implements TestPropertyProvider {

    private static final Path RELEASED = Path.of("src/main/resources/db/migration");
    private static final Pattern VERSION = Pattern.compile("^V(\\d+)__.+\\.sql$");

    @Inject
    EmbeddedServer server;

    @Inject
    HttpClient client;

    private String url;
    private String user;
    private int next;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        TestDatabase.freshDatasource("users").forEach((key, value) -> properties.put(key, String.valueOf(value)));
        url = properties.get("datasources.default.url");
        user = properties.get("datasources.default.username");
        // the database as the released service left it, with a row in the table the new migration changes
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load().migrate();
        execute("INSERT INTO users (username, email, password) VALUES ('before', 'before@example.com', 'x')");

        next = nextVersion();
        Path added = newMigrations(next);
        properties.put("flyway.datasources.default.locations", "classpath:db/migration,filesystem:" + added);
        return properties;
    }

    @Test
    void theServiceAppliesTheNewFilesAtStartAndKeepsItsRows() {
        assertEquals(List.of(next + ":true", (next + 1) + ":true"),
                query("SELECT version || ':' || success FROM flyway_schema_history WHERE version::int >= " + next
                        + " ORDER BY installed_rank"));
        assertEquals(List.of("before:null"), query("SELECT username || ':' || coalesce(nickname, 'null') FROM users"));
        assertEquals(List.of("users_nickname_idx"),
                query("SELECT indexname FROM pg_indexes WHERE tablename = 'users' AND indexname LIKE '%nickname%'"));

        Api api = new Api(client, server.getURL());
        Api.Reply registered = api.registerFresh("a long enough password");
        assertEquals(201, registered.status(), () -> String.valueOf(registered.body()));
        assertNull(query("SELECT nickname FROM users WHERE username <> 'before'").get(0));
    }

    /** Step 1: "the next versioned file beside the others" — one above the highest released version. */
    private static int nextVersion() {
        try (Stream<Path> files = Files.list(RELEASED)) {
            return files.map(f -> VERSION.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max().orElse(0) + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Step 2: a nullable column (safe on a table with rows), the index in a migration of its own. */
    private static Path newMigrations(int version) {
        try {
            Path dir = Files.createTempDirectory("users-new-migration");
            dir.toFile().deleteOnExit();
            Files.writeString(dir.resolve("V" + version + "__users_nickname.sql"),
                    "ALTER TABLE users ADD COLUMN nickname VARCHAR(64) NULL;\n");
            Files.writeString(dir.resolve("V" + (version + 1) + "__users_nickname_index.sql"),
                    "CREATE INDEX users_nickname_idx ON users (nickname);\n");
            dir.resolve("V" + version + "__users_nickname.sql").toFile().deleteOnExit();
            dir.resolve("V" + (version + 1) + "__users_nickname_index.sql").toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private List<String> query(String sql) {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
