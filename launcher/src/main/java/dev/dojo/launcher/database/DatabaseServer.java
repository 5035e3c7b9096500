package dev.dojo.launcher.database;

import dev.dojo.launcher.LaunchFailure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A PostgreSQL server the services use: where it is and who to connect as. {@code adminUrl} names any database
 * on it; the launcher connects there to create the service databases that are missing.
 */
public record DatabaseServer(String adminUrl, String user, String password) {

    /** The JDBC URL of {@code database} on the same server, keeping any query parameters. */
    public String urlOf(String database) {
        int hostStart = adminUrl.indexOf("//") + 2;
        int slash = adminUrl.indexOf('/', hostStart);
        int query = adminUrl.indexOf('?', hostStart);
        String hostPart = adminUrl.substring(0, slash < 0 ? (query < 0 ? adminUrl.length() : query) : slash);
        return hostPart + "/" + database + (query < 0 ? "" : adminUrl.substring(query));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(adminUrl, user, password);
    }

    /** Creates each database that does not exist yet; the services' migrations fill them. */
    public List<String> ensureDatabases(List<String> names) {
        try (Connection connection = connect()) {
            List<String> created = new java.util.ArrayList<>();
            for (String name : names) {
                if (!exists(connection, name)) {
                    try (Statement statement = connection.createStatement()) {
                        // names are [a-z0-9_] only (checked in LaunchOptions), safe to quote
                        statement.execute("CREATE DATABASE \"" + name + "\"");
                    }
                    created.add(name);
                }
            }
            return created;
        } catch (SQLException e) {
            throw new LaunchFailure(LaunchFailure.DATABASE, "Cannot prepare databases " + names + " on " + adminUrl
                    + " as " + user + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
