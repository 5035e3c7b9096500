package dev.dojo.eval.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interpreter probes of the first grading end, whatever the host's interpreter does: one that never answers
 * is a clear "sandbox unavailable" after the probe limit (and is stopped), one that floods its stderr is still
 * read. (The 60 s preemptive bound only stops a hang: before the fix both cases waited for ever.)
 */
class PythonRuntimeTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void anInterpreterThatNeverAnswersMakesTheSandboxUnavailable() throws IOException {
        Path silent = script("silent", "exec sleep 600");
        PythonRuntime runtime = new PythonRuntime(silent.toString(), Duration.ofMillis(500));

        SandboxUnavailableException failure = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(SandboxUnavailableException.class, runtime::command));
        assertTrue(failure.getMessage().endsWith("did not answer within 500 ms"), failure.getMessage());
        assertTrue(ProcessHandle.current().children()
                        .noneMatch(child -> child.info().command().orElse("").endsWith("sleep")),
                "the silent interpreter was stopped");
    }

    @Test
    void anInterpreterFloodingItsErrorOutputIsStillRead() throws IOException {
        // a megabyte on stderr (more than a pipe holds), then the one path it knows
        Path chatty = script("chatty", "head -c 1000000 /dev/zero >&2\necho " + dir);
        PythonRuntime runtime = new PythonRuntime(chatty.toString(), Duration.ofSeconds(30));

        List<String> command = assertTimeoutPreemptively(HANG_GUARD, runtime::command);
        assertEquals(List.of(chatty.toRealPath().toString(), "-I", "-S", "-B"), command.subList(0, 4));
        assertTrue(runtime.binds().stream().anyMatch(bind -> bind.target().equals(dir.toString())),
                "the directory it printed is bound: " + runtime.binds());
    }

    private Path script(String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
