package dev.dojo.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher jar run as a real subprocess, the way {@code ./dojo} and the e2e tests run it. Its output is kept
 * (and copied to a log file under target/ for diagnosis) so tests can wait for a line.
 */
final class LauncherProcess implements AutoCloseable {

    static final Pattern READY = Pattern.compile("^Dojo is ready at (http://localhost:(\\d+))$");

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Path log;
    private final Thread reader;

    private LauncherProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.reader = new Thread(this::readOutput, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    static LauncherProcess start(String testName, String... args) throws IOException {
        String jar = System.getProperty("dojo.launcher.jar", "target/dojo-launcher-" + Version.PROJECT + ".jar");
        String home = System.getProperty("dojo.home", "..");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar, "--home", home));
        command.addAll(List.of(args));
        Path log = Path.of("target", "launcher-it", testName + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new LauncherProcess(process, log);
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
                Files.writeString(log, line + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }

    /** The first line matching {@code pattern}, waiting up to {@code timeout}; empty if the process ended first. */
    Optional<Matcher> awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    Matcher m = pattern.matcher(lines.get(seen));
                    if (m.find()) {
                        return Optional.of(m);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && seen == lines.size())) {
                    if (!process.isAlive()) {
                        lines.wait(200);  // let the reader drain the last lines
                        if (seen < lines.size()) {
                            continue;
                        }
                    }
                    return Optional.empty();
                }
                lines.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 500));
            }
        }
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    Process process() {
        return process;
    }

    /** Pids of every process below the launcher right now (services, PostgreSQL and theirs). */
    List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /** SIGTERM (what Ctrl-C amounts to) and the exit code; via the handle, which keeps the output pipe open. */
    int stop(Duration timeout) throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("launcher did not stop within " + timeout + "\n" + output());
        }
        reader.join(5000);
        return process.exitValue();
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("launcher still running after " + timeout + "\n" + output());
        }
        reader.join(5000);
        return process.exitValue();
    }

    @Override
    public void close() {
        // a failed assertion must not leave a platform running on the CI machine
        List<ProcessHandle> children = process.isAlive() ? descendants() : List.of();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
