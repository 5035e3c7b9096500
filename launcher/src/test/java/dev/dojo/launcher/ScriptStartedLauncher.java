package dev.dojo.launcher;

import java.io.IOException;
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
 * The launcher jar started the way a script or a CI job starts {@code ./dojo}: by a non-interactive bash, in the
 * background ({@code java -jar … &}), then {@code wait}. Such a shell starts background jobs with SIGINT ignored.
 * The launcher's output goes to a file (the script's own stdout stays free), which is read by polling.
 */
final class ScriptStartedLauncher implements AutoCloseable {

    /** SigIgn of a sibling started the same way (bit 1 = SIGINT), so a test can show the premise holds. */
    private static final String SCRIPT = """
            grep SigIgn /proc/self/status > "$DIR/sibling-sigign" &
            "$JAVA" -jar "$JAR" --home "$DOJO_HOME" "$@" > "$DIR/launcher.log" 2>&1 &
            echo $! > "$DIR/launcher.pid"
            wait $!
            """;

    /** The same, through the repository's {@code ./dojo} (which execs the launcher, so the pid stays the same). */
    private static final String DOJO_SCRIPT = """
            grep SigIgn /proc/self/status > "$DIR/sibling-sigign" &
            "$DOJO_HOME/dojo" "$@" > "$DIR/launcher.log" 2>&1 &
            echo $! > "$DIR/launcher.pid"
            wait $!
            """;

    private final Process script;
    private final Path dir;

    private ScriptStartedLauncher(Process script, Path dir) {
        this.script = script;
        this.dir = dir;
    }

    static ScriptStartedLauncher start(Path dir, Map<String, String> env, String... args) throws IOException {
        return start(SCRIPT, dir, env, args);
    }

    /** {@code ./dojo} started in the background by a script, with the jars as they are (DOJO_SKIP_BUILD). */
    static ScriptStartedLauncher startDojo(Path dir, Map<String, String> env, String... args) throws IOException {
        Map<String, String> withoutBuild = new java.util.HashMap<>(env);
        withoutBuild.put("DOJO_SKIP_BUILD", "true");
        return start(DOJO_SCRIPT, dir, withoutBuild, args);
    }

    private static ScriptStartedLauncher start(String script, Path dir, Map<String, String> env, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("/bin/bash", "-c", script, "bash"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("script.log").toFile());
        builder.environment().putAll(env);
        builder.environment().put("DIR", dir.toString());
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().put("JAR", Path.of(System.getProperty("dojo.launcher.jar",
                "target/dojo-launcher-" + Version.PROJECT + ".jar")).toAbsolutePath().toString());
        builder.environment().put("DOJO_HOME", System.getProperty("dojo.home", ".."));
        return new ScriptStartedLauncher(builder.start(), dir);
    }

    /** The launcher's own process (the script's background job). */
    ProcessHandle launcher(Duration timeout) throws Exception {
        Path pidFile = dir.resolve("launcher.pid");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(pidFile)) {
                String pid = Files.readString(pidFile).strip();
                if (!pid.isEmpty()) {
                    return ProcessHandle.of(Long.parseLong(pid))
                            .orElseThrow(() -> new AssertionError("launcher already gone:\n" + output()));
                }
            }
            script.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("no launcher pid within " + timeout);
    }

    /** Whether the shell started its background jobs with SIGINT ignored (as non-interactive shells do). */
    boolean backgroundJobsIgnoreSigint() throws IOException {
        String line = Files.readString(dir.resolve("sibling-sigign")).strip();
        return (Long.parseLong(line.substring(line.indexOf(':') + 1).strip(), 16) & 0b10) != 0;
    }

    /** The first launcher line matching {@code pattern}, polling the log until the deadline or the script ends. */
    Optional<Matcher> awaitLine(Pattern pattern, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean ended = !script.isAlive();
            for (String line : output().lines().toList()) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    return Optional.of(m);
                }
            }
            if (ended || System.nanoTime() > deadline) {
                return Optional.empty();
            }
            script.waitFor(200, TimeUnit.MILLISECONDS);
        }
    }

    /** The script's exit code, which is the launcher's ({@code wait $!}). */
    int awaitExit(Duration timeout) throws Exception {
        if (!script.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("launcher still running after " + timeout + "\n" + output());
        }
        return script.exitValue();
    }

    String output() {
        Path log = dir.resolve("launcher.log");
        try {
            return Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        // a failed assertion must not leave a platform running on the CI machine
        Path pidFile = dir.resolve("launcher.pid");
        if (Files.isRegularFile(pidFile) && !Files.readString(pidFile).isBlank()) {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(launcher -> {
                List<ProcessHandle> children = launcher.descendants().toList();
                launcher.destroy();
                launcher.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
                children.forEach(ProcessHandle::destroyForcibly);
            });
        }
        script.destroy();
    }
}
