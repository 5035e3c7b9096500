package dev.dojo.launcher.process;

import dev.dojo.launcher.Console;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A launcher killed with SIGKILL leaves children behind; the next start stops exactly those. */
class PidFileTest {

    @Test
    void theNextStartStopsWhatAKilledRunLeftBehind(@TempDir Path dataDir) throws Exception {
        Process leftover = new ProcessBuilder("sleep", "300").start();
        Process bystander = new ProcessBuilder("sleep", "300").start();
        try {
            new PidFile(dataDir).add("users", leftover.toHandle());
            // a recycled pid must not be killed: same pid, different start instant
            Files.writeString(dataDir.resolve("run/pids"),
                    bystander.pid() + " 2001-01-01T00:00:00Z eval\n", java.nio.file.StandardOpenOption.APPEND);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int reaped = new PidFile(dataDir).reapLeftovers(new Console(new PrintStream(out, true)));

            assertEquals(1, reaped);
            assertTrue(leftover.waitFor(5, TimeUnit.SECONDS), "the leftover was stopped");
            assertTrue(bystander.isAlive(), "an unrelated process with a recorded pid lives on");
            assertTrue(out.toString().contains("stopping users (pid " + leftover.pid() + ") left over"), out.toString());
            assertFalse(Files.exists(dataDir.resolve("run/pids")), "the list is cleared");
        } finally {
            leftover.destroyForcibly();
            bystander.destroyForcibly();
        }
    }
}
