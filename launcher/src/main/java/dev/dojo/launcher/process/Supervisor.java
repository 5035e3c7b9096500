package dev.dojo.launcher.process;

import dev.dojo.launcher.Console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Owns every child process: notices one that exits on its own, and stops them all in order — services in
 * parallel first, then the database they were using — exactly once, whoever asks first (a signal, a failure).
 */
public final class Supervisor {

    private static final long SERVICE_GRACE_MS = 10_000;
    private static final long DATABASE_GRACE_MS = 15_000;

    private final Console console;
    private final PidFile pidFile;
    private final List<ChildProcess> services = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ChildProcess> unexpectedExit = new CompletableFuture<>();
    private volatile ChildProcess database;
    private volatile boolean stopping;
    private boolean stopped;

    public Supervisor(Console console, PidFile pidFile) {
        this.console = console;
        this.pidFile = pidFile;
    }

    public void adoptDatabase(ChildProcess process) {
        database = process;
        watch(process);
    }

    public void adoptService(ChildProcess process) {
        services.add(process);
        watch(process);
    }

    private void watch(ChildProcess process) {
        pidFile.add(process.name(), process.handle());
        process.onExit().thenAccept(exited -> {
            if (!stopping) {
                unexpectedExit.complete(exited);
            }
        });
    }

    /** Completes with the first child that exits while nobody asked it to. */
    public CompletableFuture<ChildProcess> unexpectedExit() {
        return unexpectedExit;
    }

    public Optional<ChildProcess> firstDead() {
        if (database != null && !database.isAlive()) {
            return Optional.of(database);
        }
        return services.stream().filter(s -> !s.isAlive()).findFirst();
    }

    public boolean isStopping() {
        return stopping;
    }

    public synchronized void stopAll() {
        stopping = true;
        if (stopped) {
            return;
        }
        stopped = true;
        List<ChildProcess> running = new ArrayList<>(services.stream().filter(ChildProcess::isAlive).toList());
        long began = System.nanoTime();
        if (!running.isEmpty()) {
            // a stop takes seconds (services finish their requests, eval its running submissions): say so, then
            // report each one as it goes, so a pause is never silent
            console.info("stopping " + String.join(", ", running.stream().map(ChildProcess::name).toList())
                    + " (each finishes what it is doing, up to " + SERVICE_GRACE_MS / 1000 + " s)");
            running.forEach(s -> s.onExit().thenAccept(exited -> console.info(exited.name() + " stopped after "
                    + seconds(System.nanoTime() - began))));
        }
        running.forEach(ChildProcess::requestStop);
        running.forEach(s -> s.awaitStop(SERVICE_GRACE_MS));
        boolean databaseRunning = database != null && database.isAlive();
        if (databaseRunning) {
            console.info("stopping postgres (a clean shutdown checkpoint, up to " + DATABASE_GRACE_MS / 1000 + " s)");
            database.requestStop();
            database.awaitStop(DATABASE_GRACE_MS);
        }
        pidFile.clear();
        if (!running.isEmpty() || databaseRunning) {
            console.info("stopped in " + seconds(System.nanoTime() - began));
        }
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
