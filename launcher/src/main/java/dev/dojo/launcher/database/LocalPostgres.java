package dev.dojo.launcher.database;

import dev.dojo.launcher.Console;
import dev.dojo.launcher.LaunchFailure;
import dev.dojo.launcher.process.ChildProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL 16 run by the launcher itself from zonky's binaries: a cluster in {@code <data-dir>/postgres}
 * (created on the first run, kept afterwards) and the server as a supervised child like the services, so its logs
 * are prefixed, its death is noticed and it stops last. PostgreSQL refuses to run as root; as root, it runs in a
 * user namespace ({@code unshare -U}) where it is not — the same trick zonky's library uses.
 */
public final class LocalPostgres {

    public static final String SUPERUSER = "postgres";
    private static final long START_TIMEOUT_MS = 30_000;

    private LocalPostgres() {
    }

    /** Creates the cluster if needed and starts the server; then wait with {@link #awaitConnections}. */
    public static ChildProcess start(Path installation, Path clusterDir, int port, Console console) {
        try {
            if (!Files.exists(clusterDir.resolve("PG_VERSION"))) {
                initialize(installation, clusterDir, console);
            }
            List<String> command = asUnprivileged(List.of(
                    installation.resolve("bin/postgres").toString(),
                    "-D", clusterDir.toString(),
                    "-p", Integer.toString(port),
                    "-c", "listen_addresses=127.0.0.1",
                    // TCP only: no socket file in /tmp to collide with another server
                    "-c", "unix_socket_directories=",
                    // a development database: losing the last few commits in a power cut is fine, speed is nicer
                    "-c", "synchronous_commit=off",
                    "-c", "timezone=UTC"));
            return ChildProcess.start("postgres", command, Map.of(), clusterDir.getParent(), console);
        } catch (IOException e) {
            throw new LaunchFailure(LaunchFailure.DATABASE, "Cannot start the embedded PostgreSQL: " + e.getMessage(),
                    e);
        }
    }

    public static String adminUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static void initialize(Path installation, Path clusterDir, Console console) throws IOException {
        Files.createDirectories(clusterDir.getParent());
        // initdb into a sibling first: an interrupted first run never leaves a half-made cluster behind
        Path staging = clusterDir.resolveSibling(clusterDir.getFileName() + ".init");
        PostgresBinaries.deleteTree(staging);
        List<String> command = asUnprivileged(List.of(
                installation.resolve("bin/initdb").toString(),
                "-A", "trust", "-U", SUPERUSER, "-D", staging.toString(), "-E", "UTF-8", "--no-locale", "--no-sync"));
        // initdb's progress chatter is only worth showing when it fails
        Process initdb = new ProcessBuilder(command).directory(clusterDir.getParent().toFile())
                .redirectErrorStream(true).start();
        initdb.getOutputStream().close();
        String output = new String(initdb.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = waitFor(initdb);
        if (code != 0) {
            output.lines().forEach(line -> console.line("postgres", line));
            throw new LaunchFailure(LaunchFailure.DATABASE, "initdb failed with exit code " + code
                    + " (see the [postgres] lines above)");
        }
        console.info("created a PostgreSQL cluster in " + clusterDir);
        Files.move(staging, clusterDir);
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new LaunchFailure(LaunchFailure.DATABASE, "interrupted while creating the PostgreSQL cluster");
        }
    }

    private static List<String> asUnprivileged(List<String> command) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "-U"));
        wrapped.addAll(command);
        return wrapped;
    }

    public static void awaitConnections(ChildProcess server, DatabaseServer database) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        SQLException last = null;
        while (System.currentTimeMillis() < deadline) {
            if (!server.isAlive()) {
                throw new LaunchFailure(LaunchFailure.DATABASE, "PostgreSQL exited during start with code "
                        + server.exitCode() + " (see the [postgres] lines above)");
            }
            try (Connection ignored = database.connect()) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            sleep(100);
        }
        throw new LaunchFailure(LaunchFailure.DATABASE, "PostgreSQL did not accept connections within "
                + START_TIMEOUT_MS / 1000 + " s: " + (last == null ? "" : last.getMessage()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure(LaunchFailure.DATABASE, "interrupted while waiting for PostgreSQL");
        }
    }
}
