package dev.dojo.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user sees when the platform cannot start or a service dies: one line naming the problem, non-zero exit. */
class FailureReportingIT {

    @Test
    void aPortInUseIsNamedBeforeAnythingStarts(@TempDir Path dataDir) throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(0));
            int port = squatter.getLocalPort();
            try (LauncherProcess launcher = LauncherProcess.start("PortInUse", "--random-ports", "--port",
                    Integer.toString(port), "--data-dir", dataDir.toString())) {
                int exit = launcher.awaitExit(Duration.ofSeconds(30));
                assertEquals(LaunchFailure.PORT_IN_USE, exit, launcher.output());
                assertTrue(launcher.output().contains("Port " + port + " (main) is already in use"),
                        launcher.output());
                assertFalse(launcher.output().contains("[postgres]"), "nothing was started: " + launcher.output());
            }
        }
    }

    @Test
    void aDyingServiceIsNamedAndTheRestStop(@TempDir Path dataDir) throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start("ServiceDies", "--random-ports", "--no-seed",
                "--data-dir", dataDir.toString())) {
            launcher.awaitLine(LauncherProcess.READY, Duration.ofSeconds(180))
                    .orElseThrow(() -> new AssertionError("no ready line:\n" + launcher.output()));
            List<ProcessHandle> children = launcher.descendants();
            ProcessHandle eval = children.stream()
                    .filter(p -> p.info().commandLine().orElse("").contains("dojo-eval-"))
                    .findFirst().orElseThrow(() -> new AssertionError("no eval process in " + children));

            eval.destroyForcibly();

            int exit = launcher.awaitExit(Duration.ofSeconds(60));
            assertEquals(LaunchFailure.SERVICE_FAILED, exit, launcher.output());
            assertTrue(Pattern.compile("\\[launcher] eval exited unexpectedly \\(exit code 137\\)")
                    .matcher(launcher.output()).find(), launcher.output());
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
                assertFalse(child.isAlive(), "left running: " + child.info().commandLine());
            }
        }
    }
}
