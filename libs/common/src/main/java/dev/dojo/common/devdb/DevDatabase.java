package dev.dojo.common.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL 16 cluster kept in a directory across runs (zonky's binaries; as root it runs in a user namespace),
 * holding one database named after the service. Started on first use, stopped with the JVM.
 */
final class DevDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevDatabase.class);

    private final EmbeddedPostgres server;
    private final String database;

    private DevDatabase(EmbeddedPostgres server, String database) {
        this.server = server;
        this.database = database;
    }

    static DevDatabase start(Path dataDir, String database) {
        try {
            Files.createDirectories(dataDir.getParent());
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .start();
            createIfMissing(server, database);
            LOG.info("No datasources.default.url configured: using a standalone embedded PostgreSQL on port {}"
                    + " (database {}, data in {}). Set DATASOURCES_DEFAULT_URL to use another server.",
                    server.getPort(), database, dataDir);
            return new DevDatabase(server, database);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the standalone embedded PostgreSQL in " + dataDir, e);
        }
    }

    String url() {
        return server.getJdbcUrl("postgres", database);
    }

    String username() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static void createIfMissing(EmbeddedPostgres server, String database) {
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement(
                    "SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " in the standalone PostgreSQL", e);
        }
    }
}
