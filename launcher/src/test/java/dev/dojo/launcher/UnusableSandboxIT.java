package dev.dojo.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher jar run without ./dojo's prerequisite check on a host whose bubblewrap cannot create namespaces
 * (a stand-in bwrap that fails like the real one there, see {@link UnusableBwrapTest}): eval starts but cannot
 * grade, and the launcher says so in one line as soon as eval answers, stops everything and never prints "ready".
 */
class UnusableSandboxIT {

    private static final Pattern PORTS = Pattern.compile("(?m)^\\[launcher] ports: (.*)$");

    @Test
    void evalThatCannotGradeStopsTheLaunchWithTheReason(@TempDir Path dir) throws Exception {
        Path bwrap = UnusableBwrapTest.unusableBwrap(dir);
        try (ScriptStartedLauncher started = ScriptStartedLauncher.start(dir,
                Map.of("DOJO_SANDBOX_BWRAP", bwrap.toString()),
                "--random-ports", "--no-seed", "--data-dir", dir.resolve("data").toString())) {
            int exit = started.awaitExit(Duration.ofSeconds(240));
            String output = started.output();

            assertEquals(LaunchFailure.SANDBOX, exit, output);
            assertTrue(output.lines().anyMatch(line -> line.startsWith("[launcher] eval cannot grade: sandbox "
                    + "unavailable: ") && line.contains(UnusableBwrapTest.BWRAP_REFUSAL)), output);
            assertFalse(output.contains("not ready within"), "it did not wait out the ready timeout: " + output);
            assertFalse(output.contains("Dojo is ready"), output);
            Matcher planned = PORTS.matcher(output);
            assertTrue(planned.find(), output);
            for (String entry : planned.group(1).split(", ")) {
                int port = Integer.parseInt(entry.substring(entry.indexOf(' ') + 1));
                assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(),
                        "still listening: " + entry);
            }
        }
    }
}
