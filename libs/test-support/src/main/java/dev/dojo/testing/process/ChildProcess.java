package dev.dojo.testing.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real child process for a test (the launcher, a service's main class): its output is kept (and copied to a log
 * file for diagnosis) so a test can wait for a line, and {@link #close} never leaves it or its children running.
 */
public class ChildProcess implements AutoCloseable {

    /** What a finished run printed (stdout and stderr merged) and its exit code. */
    public record Result(int exitCode, String output) {
    }

    /** Starts {@code command}, its output copied to {@code log}. */
    public static ChildProcess start(List<String> command, Map<String, String> env, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return new ChildProcess(builder.start(), log);
    }

    /** The JDK running this test. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs {@code mainClass} in a child JVM on this test's class path with {@code env} added, until it exits: for
     * what ends the process (a start-up failure), which a test cannot do in its own JVM.
     */
    public static Result runMain(Class<?> mainClass, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path log = Path.of("target", "child-jvm", mainClass.getSimpleName() + "-" + System.nanoTime() + ".log");
        try (ChildProcess child = start(List.of(java(), "-cp", System.getProperty("java.class.path"),
                mainClass.getName()), env, log)) {
            int exit = child.awaitExit(timeout);
            return new Result(exit, child.output());
        }
    }

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Path log;
    private final Thread reader;

    protected ChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.reader = new Thread(this::readOutput, "child-output");
        reader.setDaemon(true);
        reader.start();
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
    public Optional<Matcher> awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
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

    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    public Process process() {
        return process;
    }

    /** Pids of every process below the launcher right now (services, PostgreSQL and theirs). */
    public List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /** SIGTERM (what Ctrl-C amounts to) and the exit code; via the handle, which keeps the output pipe open. */
    public int stop(Duration timeout) throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process did not stop within " + timeout + "\n" + output());
        }
        reader.join(5000);
        return process.exitValue();
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process still running after " + timeout + "\n" + output());
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
