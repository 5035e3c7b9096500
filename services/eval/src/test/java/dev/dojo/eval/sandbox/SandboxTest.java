package dev.dojo.eval.sandbox;

import ch.qos.logback.classic.Level;
import dev.dojo.testing.Eventually;
import dev.dojo.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Sandbox} on its own, with the real bubblewrap, prlimit, cgroups and Python, but a scripted harness
 * ({@code sandbox/scripted_harness.py}) in place of the grading one: how it says it is ready or why not, which tool
 * it names when one is missing, and how a run is bounded — the results it reads, the output limit, the wall clock —
 * each met on its own rather than through a grading.
 */
class SandboxTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final int MAX_RESULTS = 4 << 20;

    private static Path scriptedHarness;
    private final List<Sandbox> made = new ArrayList<>();

    @BeforeAll
    static void harness() throws IOException {
        Path dir = Files.createTempDirectory("dojo-scripted-harness-");
        dir.toFile().deleteOnExit();
        scriptedHarness = dir.resolve("harness.py");
        scriptedHarness.toFile().deleteOnExit();
        try (InputStream in = SandboxTest.class.getResourceAsStream("/sandbox/scripted_harness.py")) {
            Files.write(scriptedHarness, in.readAllBytes());
        }
        // the run's user (65534) must reach and read it
        Files.setPosixFilePermissions(scriptedHarness, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void close() {
        made.forEach(Sandbox::close);
    }

    @Test
    void aSandboxNeverProbedProbesOnItsFirstRunAndThenSaysWhatItUses() {
        Sandbox sandbox = sandbox(settings("/usr/bin/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", "required"),
                limits(Duration.ofSeconds(15), 1 << 20));
        assertEquals(new SandboxStatus(false, "sandbox not probed yet"), sandbox.status());

        SandboxRun run;
        try (LogCapture log = LogCapture.of(Sandbox.class)) {
            run = sandbox.run("python", "stdout 5".getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of("Sandbox: " + sandbox.status().detail()), log.at(Level.INFO), "said once, at start");
        }

        assertArrayEquals("xxxxx".getBytes(StandardCharsets.US_ASCII), run.results());
        List<Thread> io = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("sandbox-io-")).toList();
        assertFalse(io.isEmpty());
        assertTrue(io.stream().allMatch(Thread::isDaemon), "the run's I/O threads never hold the JVM up");
        assertEquals(new SandboxStatus(true, "bubblewrap sandbox ready; cgroup " + Cgroups.detect().describe()
                + "; seccomp filter x86_64; languages [python]"), sandbox.status());
        assertTrue(sandbox.supports("python"));
        assertFalse(sandbox.supports("cobol"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> sandbox.run("cobol", new byte[0]));
        assertEquals("no runtime for cobol", unknown.getMessage());
    }

    @Test
    void withoutCgroupsTheStatusSaysSoAndRunsStillWork() {
        Sandbox sandbox = sandbox(settings("/usr/bin/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", "off"),
                limits(Duration.ofSeconds(15), 1 << 20));

        SandboxStatus status = sandbox.probe();

        assertEquals("bubblewrap sandbox ready; cgroup off (rlimits only); seccomp filter x86_64; languages [python]",
                status.detail());
        SandboxRun run = sandbox.run("python", "stdout 3".getBytes(StandardCharsets.UTF_8));
        assertEquals(3, run.results().length);
        assertFalse(run.oomKilled());
    }

    @Test
    void eachMissingToolIsNamedAndNothingRuns() {
        List<SandboxSettings> missing = List.of(
                settings("/nonexistent/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", "required"),
                settings("/usr/bin/bwrap", "/nonexistent/prlimit", "/usr/bin/setpriv", "required"),
                new SandboxSettings("/usr/bin/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", "/nonexistent/sh",
                        65534, "required", 1, 4, Duration.ofSeconds(10), 2));
        List<String> named = List.of("/nonexistent/bwrap", "/nonexistent/prlimit", "/nonexistent/sh");
        for (int i = 0; i < missing.size(); i++) {
            Sandbox sandbox = sandbox(missing.get(i), limits(Duration.ofSeconds(15), 1 << 20));
            String detail = "sandbox unavailable: " + named.get(i) + " is missing or not executable";

            try (LogCapture log = LogCapture.of(Sandbox.class)) {
                assertEquals(new SandboxStatus(false, detail), sandbox.probe());
                assertEquals(List.of("Sandbox: " + detail + ". Grading is disabled (fails closed with 503) until this"
                        + " is fixed."), log.at(Level.ERROR));
            }
            SandboxUnavailableException refused = assertThrows(SandboxUnavailableException.class,
                    () -> sandbox.run("python", "stdout 1".getBytes(StandardCharsets.UTF_8)));
            assertEquals(detail, refused.getMessage());
        }
    }

    @Test
    void aToolInstalledAfterAFailedProbeIsNoticedAtTheNextProbeNotByEveryRun() throws IOException {
        // the run's user starts bubblewrap, so it must reach it
        Path bwrap = Files.createTempDirectory("dojo-late-bwrap-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))).resolve("bwrap");
        Sandbox sandbox = sandbox(settings(bwrap.toString(), "/usr/bin/prlimit", "/usr/bin/setpriv", "required"),
                limits(Duration.ofSeconds(15), 1 << 20));
        String missing = "sandbox unavailable: " + bwrap + " is missing or not executable";
        assertEquals(new SandboxStatus(false, missing), sandbox.probe());
        try {
            Files.createSymbolicLink(bwrap, Path.of("/usr/bin/bwrap"));

            // within ten seconds of the last probe a run does not probe again: a broken host costs no probe per request
            SandboxUnavailableException refused = assertThrows(SandboxUnavailableException.class,
                    () -> sandbox.run("python", "stdout 1".getBytes(StandardCharsets.UTF_8)));
            assertEquals(missing, refused.getMessage());

            SandboxStatus probed = sandbox.probe();
            assertTrue(probed.available(), probed.detail());
            assertEquals(1, sandbox.run("python", "stdout 1".getBytes(StandardCharsets.UTF_8)).results().length);
        } finally {
            Files.deleteIfExists(bwrap);
            Files.deleteIfExists(bwrap.getParent());
        }
    }

    @Test
    void asRootTheToolThatDropsRootIsRequired() throws IOException {
        Sandbox sandbox = sandbox(settings("/usr/bin/bwrap", "/usr/bin/prlimit", "/nonexistent/setpriv", "required"),
                limits(Duration.ofSeconds(15), 1 << 20));

        SandboxStatus status = sandbox.probe();

        if (Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(line -> line.matches("Uid:\\s+\\d+\\s+0\\s.*"))) {
            assertEquals(new SandboxStatus(false,
                    "sandbox unavailable: /nonexistent/setpriv is needed to drop root and is missing"), status);
        } else {
            assertTrue(status.available(), "not root: nothing to drop, setpriv is not used: " + status);
        }
    }

    @Test
    void outsideItsNamespacesTheRunIsNeverTheHostsRoot() throws Exception {
        Sandbox sandbox = sandbox(settings("/usr/bin/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", "required"),
                limits(Duration.ofSeconds(15), 1 << 20));
        sandbox.probe();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<SandboxRun> run = caller.submit(() -> sandbox.run("python", "sleep 3".getBytes(StandardCharsets.UTF_8)));
            ProcessHandle harness = Eventually.until("the harness runs", SandboxTest::harnessProcess,
                    Optional::isPresent).orElseThrow();
            // real, effective, saved and filesystem uid as the host sees them (inside, bubblewrap maps 65534 anyway)
            String hostUids = Files.readAllLines(Path.of("/proc", Long.toString(harness.pid()), "status")).stream()
                    .filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow();
            boolean root = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(line -> line.matches("Uid:\\s+\\d+\\s+0\\s.*"));
            String expected = root ? "65534" : Long.toString(new com.sun.security.auth.module.UnixSystem().getUid());
            assertEquals(List.of(expected, expected, expected, expected),
                    List.of(hostUids.substring(4).trim().split("\\s+")), hostUids);
            assertFalse(run.get(60, TimeUnit.SECONDS).timedOut());
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void aHarnessThatDoesNotAnswerTheProbeMakesTheSandboxUnavailableAndSaysWhatItPrinted() {
        Sandbox broken = sandbox(settings("/usr/bin/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", "required"),
                limits(Duration.ofSeconds(15), 1 << 20), failingPython("import os\nos.write(2, b'broken\\n  harness')\n"));
        assertEquals(new SandboxStatus(false, "sandbox unavailable: python probe run failed: broken harness"),
                broken.probe());

        Sandbox chatty = sandbox(settings("/usr/bin/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", "required"),
                limits(Duration.ofSeconds(15), 1 << 20), failingPython("import os\nos.write(2, b'z' * 301)\n"));
        assertEquals(new SandboxStatus(false, "sandbox unavailable: python probe run failed: " + "z".repeat(300) + "…"),
                chatty.probe(), "cut after 300 characters");
        Sandbox justShort = sandbox(settings("/usr/bin/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", "required"),
                limits(Duration.ofSeconds(15), 1 << 20), failingPython("import os\nos.write(2, b'z' * 300)\n"));
        assertEquals(new SandboxStatus(false, "sandbox unavailable: python probe run failed: " + "z".repeat(300)),
                justShort.probe());

        Sandbox stuck = sandbox(settings("/usr/bin/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", "required"),
                limits(Duration.ofMillis(500), 1 << 20), failingPython("import time\ntime.sleep(30)\n"));
        assertEquals(new SandboxStatus(false, "sandbox unavailable: python probe run failed (timed out): "),
                stuck.probe());
    }

    @Test
    void theResultsAreReadUpToTheirBoundAndNoFurther() {
        Sandbox sandbox = sandbox(settings("/usr/bin/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", "required"),
                limits(Duration.ofSeconds(15), 1 << 20));
        sandbox.probe();

        assertEquals(MAX_RESULTS, sandbox.run("python", ("stdout " + MAX_RESULTS).getBytes(StandardCharsets.UTF_8))
                .results().length, "exactly the bound is kept whole");
        SandboxRun over = sandbox.run("python", ("stdout " + (MAX_RESULTS + 100_000)).getBytes(StandardCharsets.UTF_8));
        assertTrue(over.results().length <= MAX_RESULTS, "never more than the bound: " + over.results().length);
        assertTrue(over.results().length > MAX_RESULTS - 100_000, "what fits is kept: " + over.results().length);
        assertFalse(over.timedOut(), "the rest is read and dropped, so the harness is not blocked");
    }

    @Test
    void outputPastTheLimitKillsTheRunAtOnceAndIsNotATimeout() {
        Sandbox sandbox = sandbox(settings("/usr/bin/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", "required"),
                limits(Duration.ofSeconds(20), 64 << 10));
        sandbox.probe();

        Set<Long> before = descendants();
        SandboxRun run = sandbox.run("python", "stderr-then-sleep 100000".getBytes(StandardCharsets.UTF_8));

        assertTrue(run.outputLimit());
        assertFalse(run.timedOut(), "stopped for its output, not by the wall clock");
        // after its output the program sleeps for ten minutes: only the kill ends it before the wall clock
        assertTrue(run.durationMs() < 20_000, "ended by the kill: " + run.durationMs() + " ms");
        assertTrue(run.outputTruncated());
        assertEquals("x".repeat(1024), run.output(), "the captured part");
        noProcessOfTheRunIsLeft(before);
    }

    @Test
    void aRunThatUsesMoreMemoryThanItsCgroupAllowsIsKilledAndSaysSo() {
        Sandbox sandbox = sandbox(settings("/usr/bin/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", "required"),
                new SandboxLimits(Duration.ofSeconds(15), 10, 32 << 20, 512 << 20, 16, 512, 64, 1 << 20, 8 << 20,
                        1 << 20, 1024));
        sandbox.probe();

        SandboxRun run = sandbox.run("python", "memory 96".getBytes(StandardCharsets.UTF_8));

        assertTrue(run.oomKilled(), "96 MiB in a 32 MiB cgroup");
        assertEquals(0, run.results().length, "killed before it could say it had the memory");
    }

    @Test
    void noProcessOfARunPastItsWallTimeIsLeftWithOrWithoutCgroups() {
        for (String cgroup : List.of("required", "off")) {
            Sandbox sandbox = sandbox(settings("/usr/bin/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", cgroup),
                    limits(Duration.ofMillis(500), 1 << 20));
            sandbox.probe();

            Set<Long> before = descendants();
            assertTrue(sandbox.run("python", "sleep 600".getBytes(StandardCharsets.UTF_8)).timedOut(), cgroup);
            noProcessOfTheRunIsLeft(before);
        }
    }

    @Test
    void anInterruptedRunIsStoppedAndTheInterruptKept() {
        Sandbox sandbox = sandbox(settings("/usr/bin/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", "required"),
                limits(Duration.ofMinutes(5), 1 << 20));
        sandbox.probe();

        Set<Long> before = descendants();
        Thread.currentThread().interrupt();
        SandboxRun run;
        try {
            run = sandbox.run("python", "sleep 600".getBytes(StandardCharsets.UTF_8));
            assertTrue(Thread.currentThread().isInterrupted(), "the caller still sees its interrupt");
        } finally {
            Thread.interrupted();
        }
        assertFalse(run.timedOut());
        noProcessOfTheRunIsLeft(before);
    }

    @Test
    void outputWithinTheLimitIsKeptAndNothingIsKilled() {
        Sandbox sandbox = sandbox(settings("/usr/bin/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", "required"),
                limits(Duration.ofSeconds(15), 64 << 10));
        sandbox.probe();

        SandboxRun run = sandbox.run("python", "stderr 1000".getBytes(StandardCharsets.UTF_8));

        assertEquals("x".repeat(1000), run.output());
        assertFalse(run.outputTruncated());
        assertFalse(run.outputLimit());
        assertFalse(run.timedOut());
        assertFalse(run.oomKilled());
    }

    @Test
    void aRunPastItsWallTimeIsKilledAndSaysSo() {
        Sandbox sandbox = sandbox(settings("/usr/bin/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", "required"),
                limits(Duration.ofMillis(800), 1 << 20));
        sandbox.probe();

        SandboxRun run = sandbox.run("python", "sleep 600".getBytes(StandardCharsets.UTF_8));

        assertTrue(run.timedOut());
        assertFalse(run.outputLimit());
        assertTrue(run.durationMs() >= 800, "not before its wall time: " + run.durationMs() + " ms");
        assertTrue(run.durationMs() < 600_000, "killed, not waited for: " + run.durationMs() + " ms");
        assertEquals(0, run.results().length);
        assertEquals(Duration.ofMillis(800), sandbox.limits().wallTime());
    }

    @Test
    void theRunIsTheUnprivilegedUserWithAnEmptyEnvironmentUnderItsRlimits() {
        Sandbox sandbox = sandbox(settings("/usr/bin/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", "required"),
                limits(Duration.ofSeconds(15), 1 << 20));
        sandbox.probe();

        // of the environment only what bubblewrap sets for --chdir; nothing of the service's
        assertEquals("65534 65534 ['PWD']", new String(sandbox.run("python", "whoami".getBytes(StandardCharsets.UTF_8))
                .results(), StandardCharsets.UTF_8));
        // limits(...) below: 10 s of CPU, 512 MiB of address space, 512 processes, 64 files, 1 MiB per file, no core
        assertEquals("CPU=10:10 AS=536870912:536870912 NPROC=512:512 NOFILE=64:64 FSIZE=1048576:1048576 CORE=0:0",
                new String(sandbox.run("python", "rlimits".getBytes(StandardCharsets.UTF_8)).results(),
                        StandardCharsets.UTF_8));
    }

    /**
     * The interpreter running the harness: its arguments are the runtime's own ({@code -I -S -B <harness>}). The
     * wrappers before it (the trusted shell, setpriv, prlimit, bubblewrap) carry the same command line at their
     * end, and the shell is still the host's root until it execs setpriv: matching them raced (CI, session 12).
     */
    private static Optional<ProcessHandle> harnessProcess() {
        List<String> runtimeArguments = List.of("-I", "-S", "-B", LanguageRuntime.HARNESS_PATH);
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(process -> process.info().arguments().map(List::of).orElse(List.of())
                        .equals(runtimeArguments))
                .findFirst();
    }

    /** The pids of this JVM's child processes and theirs, alive now. */
    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /**
     * Every process a run started (bubblewrap and what runs inside) is gone: nothing of it outlives the run. Only
     * processes that were not there before the run count, so a leftover of an earlier test is not blamed on this one.
     */
    private static void noProcessOfTheRunIsLeft(Set<Long> before) {
        Eventually.until("no process of the run is left", () -> ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive).noneMatch(process -> !before.contains(process.pid())));
    }

    private Sandbox sandbox(SandboxSettings settings, SandboxLimits limits) {
        return sandbox(settings, limits, scripted(scriptedHarness));
    }

    private Sandbox sandbox(SandboxSettings settings, SandboxLimits limits, LanguageRuntime runtime) {
        Sandbox sandbox = new Sandbox(settings, limits, List.of(runtime));
        made.add(sandbox);
        return sandbox;
    }

    private static SandboxSettings settings(String bwrap, String prlimit, String setpriv, String cgroup) {
        return new SandboxSettings(bwrap, prlimit, setpriv, "/bin/sh", 65534, cgroup, 1, 4, Duration.ofSeconds(10), 2);
    }

    /** The test defaults of application.yml's limits, with this wall time and output limit (1 KiB kept). */
    private static SandboxLimits limits(Duration wallTime, long outputBytes) {
        return new SandboxLimits(wallTime, 10, 128 << 20, 512 << 20, 16, 512, 64, 1 << 20, 8 << 20, outputBytes,
                1024);
    }

    /** A harness that is the given Python program, for probes that must fail. */
    private static LanguageRuntime failingPython(String program) {
        try {
            Path dir = Files.createTempDirectory("dojo-failing-harness-");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve("harness.py");
            file.toFile().deleteOnExit();
            Files.writeString(file, program);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return scripted(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The host's Python with {@code harness} in place of the grading harness. */
    private static LanguageRuntime scripted(Path harness) {
        PythonRuntime python = new PythonRuntime(PYTHON);
        return new LanguageRuntime() {
            @Override
            public String language() {
                return python.language();
            }

            @Override
            public List<Bind> binds() {
                return python.binds();
            }

            @Override
            public Path harness() {
                return harness;
            }

            @Override
            public List<String> command() {
                return python.command();
            }
        };
    }
}
