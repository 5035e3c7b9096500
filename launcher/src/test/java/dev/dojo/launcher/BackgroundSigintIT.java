package dev.dojo.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README: "SIGINT works even where the shell started the launcher with it ignored (./dojo & in a script)". A
 * non-interactive bash starts {@code ./dojo} in the background, the platform comes up, {@code kill -INT} arrives:
 * the launcher stops every child and exits 130, like after Ctrl-C. (A JVM cannot catch a signal ignored at its start;
 * {@code ./dojo} restores SIGINT's default before it execs the launcher.)
 */
class BackgroundSigintIT {

    @Test
    void sigintStopsABackgroundedLauncherLikeCtrlC(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        try (ScriptStartedLauncher started = ScriptStartedLauncher.startDojo(dir, Map.of(),
                "--random-ports", "--no-seed", "--data-dir", dataDir.toString())) {
            ProcessHandle launcher = started.launcher(Duration.ofSeconds(30));
            started.awaitLine(LauncherProcess.READY, Duration.ofSeconds(180))
                    .orElseThrow(() -> new AssertionError("no ready line:\n" + started.output()));
            assertTrue(started.backgroundJobsIgnoreSigint(),
                    "the premise: this shell starts background jobs with SIGINT ignored");
            List<ProcessHandle> children = launcher.descendants().toList();
            assertTrue(children.size() >= 5, "four services and PostgreSQL: " + children);

            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(launcher.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());

            assertEquals(130, started.awaitExit(Duration.ofSeconds(60)), started.output());
            assertTrue(Pattern.compile("(?m)^\\[launcher] stopped in ").matcher(started.output()).find(),
                    started.output());
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
                assertFalse(child.isAlive(), "left running: " + child.info().commandLine());
            }
        }
    }
}
