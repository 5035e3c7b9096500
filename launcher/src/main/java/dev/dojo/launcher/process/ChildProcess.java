package dev.dojo.launcher.process;

import dev.dojo.launcher.Console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One process the launcher owns (a service JVM or PostgreSQL), its output streamed line by line as
 * {@code [name] line}. Children run in their own session when {@code setsid} exists, so a Ctrl-C in the terminal
 * reaches only the launcher, which then stops them in order (services first, the database last).
 */
public final class ChildProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Thread pump;

    private ChildProcess(String name, Process process, Thread pump) {
        this.name = name;
        this.process = process;
        this.pump = pump;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir,
                                     Console console) throws IOException {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        Thread pump = new Thread(() -> pumpLines(name, process, console), "log-" + name);
        pump.setDaemon(true);
        pump.start();
        return new ChildProcess(name, process, pump);
    }

    private static void pumpLines(String name, Process process, Console console) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                console.line(name, line);
            }
        } catch (IOException e) {
            // the stream closes when the process dies; nothing left to show
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public CompletableFuture<ChildProcess> onExit() {
        return process.onExit().thenApply(p -> this);
    }

    public int exitCode() {
        return process.exitValue();
    }

    /**
     * Asks politely (SIGTERM), without waiting. Through the handle: {@code Process.destroy()} would also close our end
     * of the pipe and lose the service's shutdown lines.
     */
    public void requestStop() {
        if (process.isAlive()) {
            process.toHandle().destroy();
        }
    }

    /** Waits for the exit after {@link #requestStop()}; SIGKILL (with its descendants) when the grace runs out. */
    public void awaitStop(long graceMillis) {
        try {
            if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            // let the last lines reach the console before the launcher's own goodbye
            pump.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
