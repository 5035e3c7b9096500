package dev.dojo.launcher.process;

import dev.dojo.launcher.Console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Remembers the processes of the running platform in {@code <data-dir>/run/pids}. A launcher killed with SIGKILL
 * cannot stop its children; the next start reads this file and stops whatever is still alive, so a crashed run
 * never blocks the ports or the database of the next one. The start instant guards against a recycled pid.
 */
public final class PidFile {

    private final Path file;

    public PidFile(Path dataDir) {
        this.file = dataDir.resolve("run").resolve("pids");
    }

    /** Stops processes a previous launcher left behind; returns how many there were. */
    public int reapLeftovers(Console console) {
        if (!Files.exists(file)) {
            return 0;
        }
        int reaped = 0;
        // newest first: the services before the database they hold connections to (a smart shutdown waits for them)
        List<String> lines = new ArrayList<>(read());
        java.util.Collections.reverse(lines);
        for (String line : lines) {
            String[] parts = line.split(" ", 3);
            if (parts.length < 3) {
                continue;
            }
            Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(parts[0]));
            if (handle.isPresent() && handle.get().isAlive()
                    && handle.get().info().startInstant().map(Instant::toString).orElse("").equals(parts[1])) {
                console.info("stopping " + parts[2] + " (pid " + parts[0] + ") left over by a previous run");
                handle.get().destroy();
                try {
                    handle.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception timeoutOrInterrupt) {
                    handle.get().destroyForcibly();
                }
                reaped++;
            }
        }
        clear();
        return reaped;
    }

    public synchronized void add(String name, ProcessHandle handle) {
        String start = handle.info().startInstant().map(Instant::toString).orElse("?");
        List<String> lines = new ArrayList<>(Files.exists(file) ? read() : List.of());
        lines.add(handle.pid() + " " + start + " " + name);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale file only costs a liveness check on the next start
        }
    }

    private List<String> read() {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
