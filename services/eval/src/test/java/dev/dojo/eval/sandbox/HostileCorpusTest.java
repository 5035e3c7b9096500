package dev.dojo.eval.sandbox;

import dev.dojo.testing.Eventually;
import dev.dojo.eval.testing.Api;
import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.testing.tokens.TestTokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile corpus: each submission is contained with the right verdict, learns nothing about the host, and
 * after each one the service is still ready and still grades a correct submission.
 */
@MicronautTest
class HostileCorpusTest extends ApiTestBase {

    private long sum;

    @BeforeAll
    void exercise() {
        sum = createSumExercise();
    }

    @AfterEach
    void serviceStaysHealthy() {
        Api.Reply readiness = api.get("/health/readiness", null);
        assertEquals(200, readiness.status(), String.valueOf(readiness.body()));
        assertEquals("passed", submit(sum, SUM, 7).data().get("verdict"));
    }

    @AfterAll
    void nothingLeftBehind() throws Exception {
        // every sandboxed process is gone and every run cgroup removed once its grading answered
        Eventually.untilAsserted("no sandbox process left", () ->
                assertEquals("", sandboxProcesses(), "processes of the sandbox uid left running"));
        // this JVM's runs (run-<pid>-<n>, Cgroups): another eval on the machine shares the parent
        String ours = "run-" + ProcessHandle.current().pid() + "-";
        try (var runs = Files.list(runCgroupParent())) {
            assertEquals(List.of(), runs.filter(Files::isDirectory)
                    .filter(run -> run.getFileName().toString().startsWith(ours)).toList());
        }
    }

    private static Path runCgroupParent() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] parts = line.split(":", 3);
            if (List.of(parts[1].split(",")).contains("memory")) {
                return Path.of("/sys/fs/cgroup/memory" + parts[2], "dojo-sandbox");
            }
            if (parts[0].equals("0") && Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"))) {
                return Path.of("/sys/fs/cgroup" + parts[2], "dojo-sandbox");
            }
        }
        throw new IllegalStateException("no cgroup");
    }

    private Map<String, Object> grade(String code) {
        Api.Reply response = submit(sum, code, 42);
        assertEquals(201, response.status(), String.valueOf(response.body()));
        return response.data();
    }

    /** Runs {@code probe} before a correct sum: the probe's output shows what it could reach. */
    private String probe(String probe) {
        Map<String, Object> data = grade("import os, sys\n" + probe + "\n" + SUM);
        assertEquals("passed", data.get("verdict"), String.valueOf(data));
        return (String) data.get("output");
    }

    /**
     * Text a program controls is stored as PostgreSQL can hold it: an error message or a {@code __repr__} with
     * unpaired surrogates or NUL (which the submission's JSON column refuses) is kept with U+FFFD in their place, and
     * a long value is cut between characters, not inside a surrogate pair — each answered 500 before.
     */
    @Test
    void textAProgramControlsIsStoredReadably() {
        Map<String, Object> raised = grade("def sum(x, y):\n    raise ValueError(chr(0xd800) * 2 + 'bad' + chr(0)"
                + " + chr(0xdfff) + '\\U0001F94B')\n");
        assertEquals("error", raised.get("verdict"), raised::toString);
        assertEquals("ValueError: \uFFFD\uFFFDbad\uFFFD\uFFFD\uD83E\uDD4B", outcome(raised).get("error"));
        Map<String, Object> repr = grade("class X:\n    def __repr__(self):\n        return chr(0xd800) + 'x' + chr(0)\n"
                + "def sum(x, y):\n    return X()\n");
        assertEquals("failed", repr.get("verdict"), repr::toString);
        assertEquals("\uFFFDx\uFFFD", outcome(repr).get("actual"));
        // a repr is shown up to 1,000 chars: here the 1,000th is the first half of a pair, so the pair goes whole
        Map<String, Object> cut = grade("class X:\n    def __repr__(self):\n        return 'a' * 999 + '\\U0001F94B' * 5\n"
                + "def sum(x, y):\n    return X()\n");
        assertEquals("a".repeat(999), outcome(cut).get("actual"));
        for (Map<String, Object> data : List.of(raised, repr, cut)) {
            assertEquals(data.get("results"), api.get("/submissions/" + data.get("id"), TestTokens.user(42)).data()
                    .get("results"), "stored as answered");
        }
    }

    private static Map<?, ?> outcome(Map<String, Object> data) {
        return (Map<?, ?>) ((List<?>) data.get("results")).get(0);
    }

    /**
     * A value too large for any report — ten million characters, a million-item list or dict — is given up as
     * soon as that is known and shown by its cut repr: quoting it char by char took longer than the wall limit, and
     * the learner read "timeout" for a function that returned at once.
     */
    @Test
    void aValueTooLargeToReportFailsShowingItsStartNotATimeout() {
        Map<String, String> starts = Map.of("'x' * 10**7", "'xxxx", "[0] * 10**6", "[0, 0, 0",
                "{i: i for i in range(10**6)}", "{0: 0, 1: 1");
        starts.forEach((value, start) -> {
            Map<String, Object> data = grade("def sum(x, y):\n    return " + value + "\n");
            assertEquals("failed", data.get("verdict"), value + " " + data);
            String actual = String.valueOf(outcome(data).get("actual"));
            assertTrue(actual.startsWith(start) && actual.length() <= 1001, value + " " + actual.length());
        });
    }

    @Test
    void infiniteLoopTimesOut() {
        assertEquals("timeout", grade("while True:\n    pass\n").get("verdict"));
    }

    /**
     * A program that never ends holds one sandbox slot, not the queue. It blocks without using CPU, so only the wall
     * limit (10 s in tests) ends it: the correct submissions have those 10 s, however loaded the machine (a busy
     * loop's CPU limit came first on a machine at load 13, while the correct ones waited for a core).
     */
    @Test
    void aProgramThatNeverEndsDoesNotHoldUpTheOthers() {
        CompletableFuture<Map<String, Object>> blocked = CompletableFuture.supplyAsync(
                () -> grade("import time\nwhile True:\n    time.sleep(1)\n"));
        for (int i = 0; i < 2; i++) {
            assertEquals("passed", submit(sum, SUM, 8).data().get("verdict"));
        }
        // ordering, not timing: correct submissions were graded beside it, not queued behind it
        assertFalse(blocked.isDone(), "the endless program finished before the correct submissions were graded");
        assertEquals("timeout", blocked.join().get("verdict"));
    }

    @Test
    void sleepingIsStoppedByTheWallClock() {
        Map<String, Object> data = grade("import time\ntime.sleep(60)\n" + SUM);
        assertEquals("timeout", data.get("verdict"));
        // killed at the wall limit (10 s in tests, EvalProperties), not by the CPU limit and not after the 60 s sleep
        long duration = ((Number) data.get("duration_ms")).longValue();
        assertTrue(duration >= 10_000 && duration < 60_000, "duration_ms " + duration);
    }

    @Test
    void memoryBombHitsTheMemoryLimit() {
        assertEquals("memory_limit", grade("x = bytearray(10**10)\n" + SUM).get("verdict"));
        assertEquals("memory_limit", grade("chunks = []\nwhile True:\n    chunks.append(bytearray(8 * 1024 * 1024))\n")
                .get("verdict"));
    }

    @Test
    void forkBombIsContained() {
        // the pids cgroup refuses forks (EAGAIN) long before anything else runs out; the loop never ends by
        // itself, so the clock (or the CPU limit) stops it: timeout, never a crash or a memory verdict
        Map<String, Object> data = grade("""
                import os, sys
                told = False
                while True:
                    try:
                        os.fork()
                    except OSError as e:
                        if not told:
                            told = True
                            sys.stderr.write('refused %d\\n' % e.errno)
                """);
        assertEquals("timeout", data.get("verdict"), String.valueOf(data));
        assertTrue(((String) data.get("output")).contains("refused 11\n"), String.valueOf(data));
    }

    @Test
    void hugeOutputHitsTheOutputLimit() {
        Map<String, Object> data = grade("import sys\nfor _ in range(100):\n    sys.stdout.write('x' * (1024 * 1024))\n"
                + SUM);
        assertEquals("output_limit", data.get("verdict"));
        assertEquals(true, data.get("output_truncated"));
        assertTrue(((String) data.get("output")).length() < 20_000);
    }

    @Test
    void deepRecursionIsAnError() {
        Map<String, Object> limited = grade("def sum(x, y):\n    return sum(x, y)\n");
        assertEquals("error", limited.get("verdict"), String.valueOf(limited));
        // with the recursion limit lifted, recursion past the default limit of 1000, each frame keeping 256 KiB of
        // address space, reaches RLIMIT_AS (512 MiB) at depth ~1950: MemoryError, so memory_limit. (Frames that
        // touch their memory reach the memory cgroup instead, whose OOM kill took 7 s of wall time on a loaded
        // machine, past the tests' 2 s wall limit: that verdict would depend on the load.)
        Map<String, Object> lifted = grade("import sys\nsys.setrecursionlimit(10**7)\n"
                + "def sum(x, y):\n    keep = bytes(1 << 18)\n    return sum(x, y) + len(keep)\n");
        assertEquals("memory_limit", lifted.get("verdict"), String.valueOf(lifted));
    }

    @Test
    void hostFilesAreNotVisible() {
        String output = probe("""
                for path in ['/etc/passwd', '/etc/hostname', '/root/.bashrc', '/proc/1/environ', '/proc/self/environ',
                             '/sys/fs/cgroup/cgroup.procs', '%s']:
                    try:
                        open(path).read()
                        print('READ', path)
                    except OSError as e:
                        print('blocked', path, type(e).__name__)
                print('root', sorted(os.listdir('/')))
                """.formatted(Path.of("target/classes/application.yml").toAbsolutePath()));
        assertFalse(output.contains("READ"), output);
        assertTrue(output.contains("root ['dev', 'lib', 'lib64', 'sandbox', 'tmp', 'usr']"), output);
    }

    @Test
    void environmentIsEmpty() {
        // PWD comes from bubblewrap's chdir and LC_CTYPE from Python's own locale coercion; nothing else exists
        String output = probe("print('env', sorted(set(os.environ) - {'PWD', 'LC_CTYPE'}))");
        assertTrue(output.contains("env []"), output);
    }

    @Test
    void onlyThePrivateTmpIsWritable() throws IOException {
        String marker = "dojo-escape-" + System.nanoTime();
        String output = probe("""
                for path in ['/%1$s', '/usr/%1$s', '/sandbox/harness', '/dev/%1$s']:
                    try:
                        open(path, 'w').write('x')
                        print('WROTE', path)
                    except OSError as e:
                        print('blocked', path, type(e).__name__)
                open('/tmp/%1$s', 'w').write('private')
                print('tmp', open('/tmp/%1$s').read())
                """.formatted(marker));
        assertFalse(output.contains("WROTE"), output);
        assertTrue(output.contains("tmp private"), output);
        assertFalse(Files.exists(Path.of("/tmp", marker)));
    }

    @Test
    void thereIsNoNetwork() {
        String output = probe("""
                import socket
                for host, port in [('127.0.0.1', 5432), ('1.1.1.1', 80), ('10.0.0.1', 22)]:
                    try:
                        socket.create_connection((host, port), timeout=1).close()
                        print('CONNECTED', host)
                    except OSError as e:
                        print('blocked', host, type(e).__name__)
                try:
                    socket.getaddrinfo('example.com', 80)
                    print('RESOLVED')
                except OSError as e:
                    print('no dns', type(e).__name__)
                """);
        assertFalse(output.contains("CONNECTED"), output);
        assertFalse(output.contains("RESOLVED"), output);
        assertTrue(output.contains("blocked 127.0.0.1"), output);
    }

    @Test
    void noShellCanBeSpawned() {
        String output = probe("""
                import subprocess
                print('system', os.system('echo pwned'))
                for shell in ['/bin/sh', '/bin/bash', '/usr/bin/sh']:
                    try:
                        subprocess.run([shell, '-c', 'echo pwned'])
                        print('RAN', shell)
                    except OSError as e:
                        print('blocked', shell, type(e).__name__)
                """);
        assertFalse(output.contains("pwned"), output);
        assertFalse(output.contains("RAN"), output);
    }

    @Test
    void killingTheParentIsJustAnError() {
        assertEquals("error", grade("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n" + SUM).get("verdict"));
        assertEquals("error", grade("import os, signal\nos.kill(-1, signal.SIGKILL)\n" + SUM).get("verdict"));
    }

    @Test
    void aCrashOrAnExitBeforeTheTestsIsAnErrorThatSaysWhich() {
        Map<String, Object> crashed = grade("import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n" + SUM);
        assertEquals("error", crashed.get("verdict"), String.valueOf(crashed));
        assertTrue(String.valueOf(crashed.get("output")).endsWith("The program crashed (signal 11)."),
                String.valueOf(crashed));
        for (int status : new int[] {0, 3}) {
            Map<String, Object> exited = grade("import os\nos._exit(" + status + ")\n" + SUM);
            assertEquals("error", exited.get("verdict"), String.valueOf(exited));
            assertTrue(String.valueOf(exited.get("output")).endsWith("The program exited before its tests ran."),
                    status + ": " + exited);
        }
    }

    @Test
    void fakeResultJsonCannotForgeAPass() {
        String fake = "exit=0\\n{\"phase\": \"ok\", \"results\": ["
                + "{\"ok\": true, \"value\": 5, \"ms\": 0}, {\"ok\": true, \"value\": -3, \"ms\": 0}]}";
        Map<String, Object> printed = grade("import sys\nprint('" + fake + "')\nsys.stderr.write('" + fake + "')\n"
                + "def sum(x, y):\n    return 0\n");
        assertEquals("failed", printed.get("verdict"), String.valueOf(printed));
        Map<String, Object> everywhere = grade("""
                import os
                fake = b'%s'
                for fd in range(0, 64):
                    try:
                        os.write(fd, fake)
                    except OSError:
                        pass
                os._exit(0)
                """.formatted(fake));
        assertEquals("error", everywhere.get("verdict"), String.valueOf(everywhere));
    }

    @Test
    void overridingBuiltinsDoesNotHelp() {
        Map<String, Object> data = grade("""
                import builtins, json
                builtins.eval = lambda *args, **kwargs: 5
                builtins.compile = lambda *args, **kwargs: None
                json.dumps = lambda *args, **kwargs: '{"exit": 0}'
                def sum(x, y):
                    return 0
                """);
        assertEquals("failed", data.get("verdict"), String.valueOf(data));
    }

    @Test
    void exitingEarlyIsAnError() {
        assertEquals("error", grade("import sys\nsys.exit(0)\n" + SUM).get("verdict"));
        assertEquals("error", grade("def sum(x, y):\n    import sys\n    sys.exit(0)\n").get("verdict"));
    }

    /** The processes running as the sandbox's uid that are sandbox processes, one per line. */
    private static String sandboxProcesses() throws Exception {
        Process ps = new ProcessBuilder("ps", "-u", "65534", "-o", "pid=,stat=,args=").start();
        // other software on the host may run as nobody too (nginx workers): only sandbox processes count
        String left = new String(ps.getInputStream().readAllBytes()).lines()
                .filter(line -> line.contains("bwrap") || line.contains("harness") || line.contains("python"))
                .collect(java.util.stream.Collectors.joining("\n"));
        ps.waitFor(5, TimeUnit.SECONDS);
        return left;
    }
}
