package dev.dojo.eval.sandbox;

import dev.dojo.eval.sandbox.seccomp.FilterFile;
import dev.dojo.testing.process.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The files the sandbox writes for its runs — the harness (in a directory of its own) and the seccomp filter — do not
 * outlive the service: a child JVM makes them as eval does and exits; afterwards none is left in the temp directory.
 */
class ExitCleanupTest {

    private static final String INTERPRETER = "DOJO_TEST_INTERPRETER";

    @TempDir
    Path dir;

    @Test
    void theHarnessAndTheSeccompFilterAreRemovedWhenTheJvmEnds() throws Exception {
        Path interpreter = Files.writeString(dir.resolve("python"), "#!/bin/sh\necho " + dir + "\n");
        Files.setPosixFilePermissions(interpreter, PosixFilePermissions.fromString("rwxr-xr-x"));

        ChildProcess.Result run = ChildProcess.runMain(MakesTheFiles.class,
                Map.of(INTERPRETER, interpreter.toString()), Duration.ofSeconds(60));

        assertEquals(0, run.exitCode(), run.output());
        List<Path> made = run.output().lines().filter(line -> line.startsWith("made "))
                .map(line -> Path.of(line.substring(5))).toList();
        assertEquals(3, made.size(), run.output());
        made.forEach(path -> assertFalse(Files.exists(path), path + " was removed at exit"));
    }

    /** Runs in the child JVM: writes the files, names them, exits normally. */
    public static final class MakesTheFiles {

        public static void main(String[] args) throws IOException {
            Path harness = new PythonRuntime(System.getenv(INTERPRETER), Duration.ofSeconds(30)).harness();
            Path filter = FilterFile.forArchitecture("amd64").path();
            for (Path path : List.of(harness, harness.getParent(), filter)) {
                if (!Files.exists(path)) {
                    throw new IOException(path + " was not made");
                }
                System.out.println("made " + path);
            }
        }
    }
}
