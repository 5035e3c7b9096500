package dev.dojo.eval.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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

    @Test
    void theInterpreterAndTheDirectoriesOnItsPathAreBoundInOrderAndNothingElse() throws IOException {
        Path first = Files.createDirectory(dir.resolve("first"));
        Path second = Files.createDirectory(dir.resolve("second"));
        Path third = Files.createDirectory(dir.resolve("third"));
        Path file = Files.writeString(dir.resolve("a-file.zip"), "not a directory");
        // a blank line, a path that does not exist, a file, and a path with spaces around it are what sys.path
        // may hold besides directories
        Path interpreter = script("python", "printf '%s\\n' '' " + first + " /no/such/dir " + file + " " + second
                + " '  " + third + "  '");

        PythonRuntime runtime = new PythonRuntime(interpreter.toString(), Duration.ofSeconds(30));

        String executable = interpreter.toRealPath().toString();
        assertEquals(List.of(new Bind(executable, executable), same(first), same(second), same(third)),
                runtime.binds(), "a shell script links no library, so nothing else is bound");
        assertEquals(List.of(executable, "-I", "-S", "-B", LanguageRuntime.HARNESS_PATH), runtime.command());
        assertEquals("python", runtime.language());
    }

    @Test
    void theLibrariesOfTheModulesInLibDynloadAreBoundUnderTheNamesTheLoaderLooksFor() throws IOException {
        // ctypes is built on libffi: its module in the host interpreter's lib-dynload links it
        Path ctypes = hostModule("_ctypes.");
        Path dynload = Files.createDirectory(dir.resolve("lib-dynload"));
        Files.copy(ctypes, dynload.resolve(ctypes.getFileName()));
        // only the modules (*.so) are asked about: ls links libselinux, which neither _ctypes nor a shell script do
        Files.copy(Path.of("/usr/bin/ls"), dynload.resolve("ls.py"));
        Path interpreter = script("python", "echo " + dynload);

        List<Bind> binds = new PythonRuntime(interpreter.toString(), Duration.ofSeconds(30)).binds();

        assertEquals(same(dynload), binds.get(1));
        Bind libffi = binds.stream().filter(bind -> bind.target().contains("/libffi.so")).findFirst()
                .orElseGet(() -> fail("libffi, which _ctypes links, is bound: " + binds));
        assertTrue(libffi.target().startsWith("/"), libffi.toString());
        assertEquals(Path.of(libffi.target()).toRealPath().toString(), libffi.source(),
                "bound from the file the name resolves to, at the name");
        assertTrue(binds.stream().noneMatch(bind -> bind.target().contains("libselinux")),
                "a file that is not a module is not asked about: " + binds);
    }

    @Test
    void theProbesAreRunOnceWithStdinClosed() throws IOException {
        Path runs = dir.resolve("runs");
        // reads its stdin to the end before answering: with stdin left open it would never answer
        Path interpreter = script("python", "cat > /dev/null\necho run >> " + runs + "\necho " + dir);
        PythonRuntime runtime = new PythonRuntime(interpreter.toString(), Duration.ofSeconds(30));

        assertTimeoutPreemptively(HANG_GUARD, () -> {
            runtime.command();
            runtime.binds();
            runtime.harness();
        });

        assertEquals(List.of("run"), Files.readAllLines(runs), "one probe of the interpreter for all three");
    }

    @Test
    void aMissingInterpreterMakesTheSandboxUnavailable() {
        PythonRuntime runtime = new PythonRuntime(dir.resolve("no-python").toString(), Duration.ofSeconds(30));

        SandboxUnavailableException failure = assertThrows(SandboxUnavailableException.class, runtime::binds);

        assertEquals("python interpreter not found at " + dir.resolve("no-python"), failure.getMessage());
    }

    @Test
    void theHarnessIsTheJarsReadableByAllWritableByNone() throws IOException {
        Path harness = new PythonRuntime(script("python", "echo " + dir).toString(), Duration.ofSeconds(30))
                .harness();

        try (InputStream shipped = PythonRuntime.class.getResourceAsStream("/sandbox/python_harness.py")) {
            assertArrayEquals(shipped.readAllBytes(), Files.readAllBytes(harness));
        }
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(harness)));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(harness.getParent())));
    }

    @Test
    void theProbesOutputFileIsRemovedOnceRead() throws IOException {
        Path told = dir.resolve("told");
        // the probe's stdout is a file: the interpreter says which, then answers
        Path interpreter = script("python", "out=$(readlink /proc/$$/fd/1)\necho \"$out\" > " + told + "\necho " + dir);

        new PythonRuntime(interpreter.toString(), Duration.ofSeconds(30)).binds();

        Path output = Path.of(Files.readString(told).strip());
        assertTrue(output.getFileName().toString().startsWith("dojo-probe-"), output.toString());
        assertFalse(Files.exists(output), output + " removed");
    }

    @Test
    void anInterruptedProbeMakesTheSandboxUnavailableAndKeepsTheInterrupt() throws IOException {
        PythonRuntime runtime = new PythonRuntime(script("python", "exec sleep 600").toString(),
                Duration.ofSeconds(30));

        Thread.currentThread().interrupt();
        try {
            SandboxUnavailableException failure = assertThrows(SandboxUnavailableException.class, runtime::binds);
            assertTrue(failure.getMessage().startsWith("interrupted while probing "), failure.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
    }

    private static Bind same(Path path) {
        return new Bind(path.toString(), path.toString());
    }

    /** A module of the host's Python 3 (the interpreter the sandbox tests run). */
    private static Path hostModule(String prefix) throws IOException {
        try (DirectoryStream<Path> libs = Files.newDirectoryStream(Path.of("/usr/lib"), "python3*")) {
            for (Path lib : libs) {
                Path dynload = lib.resolve("lib-dynload");
                if (Files.isDirectory(dynload)) {
                    try (var modules = Files.list(dynload)) {
                        Optional<Path> module = modules.filter(p -> p.getFileName().toString().startsWith(prefix))
                                .findFirst();
                        if (module.isPresent()) {
                            return module.get();
                        }
                    }
                }
            }
        }
        return fail("no " + prefix + "*.so in /usr/lib/python3*/lib-dynload: install python3 (apt-get install python3)");
    }

    private Path script(String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
