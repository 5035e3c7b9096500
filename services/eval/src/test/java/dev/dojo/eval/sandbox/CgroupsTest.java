package dev.dojo.eval.sandbox;

import dev.dojo.testing.Eventually;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service killed mid-run leaves its run cgroups (and maybe a sandboxed process) behind: the next start removes
 * them, and leaves the runs of a service that is still alive alone. Needs a writable cgroup, as grading does.
 */
class CgroupsTest {

    @Test
    void runsOfAServiceThatIsGoneAreRemovedAtStartAndALiveServicesRunsAreKept() throws Exception {
        Cgroups cgroups = Cgroups.detect();
        Process service = new ProcessBuilder("true").start();
        service.waitFor(5, TimeUnit.SECONDS);
        List<Path> abandoned = new ArrayList<>();
        List<Path> live = new ArrayList<>();
        for (Path parent : cgroups.parents()) {
            abandoned.add(Files.createDirectory(parent.resolve("run-" + service.pid() + "-1")));
            live.add(Files.createDirectory(parent.resolve("run-" + ProcessHandle.current().pid() + "-" + System.nanoTime())));
        }
        Path procs = abandoned.get(0).resolve("cgroup.procs");
        Process straggler = new ProcessBuilder("sh", "-c", "echo $$ > " + procs + " && exec sleep 60").start();
        try {
            Eventually.until("the straggler joined the abandoned run's cgroup",
                    () -> !Files.readString(procs).isBlank());

            Cgroups.detect();

            abandoned.forEach(dir -> assertFalse(Files.exists(dir), dir + " removed"));
            assertTrue(straggler.waitFor(5, TimeUnit.SECONDS), "the process left in it was killed");
            live.forEach(dir -> assertTrue(Files.isDirectory(dir), dir + " kept"));
        } finally {
            straggler.destroyForcibly();
            for (Path dir : live) {
                Files.deleteIfExists(dir);
            }
        }
    }

    @Test
    void onlyRunCgroupsOfAProcessThatIsGoneCount() {
        assertFalse(Cgroups.ownerGone("run-" + ProcessHandle.current().pid() + "-1"));
        assertFalse(Cgroups.ownerGone("dojo-service"));
        assertFalse(Cgroups.ownerGone("run-abc-1"));
        assertFalse(Cgroups.ownerGone("run-1"));
    }

    @Test
    void aRunCannotSwap() throws Exception {
        Cgroups cgroups = Cgroups.detect();
        SandboxLimits limits = new SandboxLimits(Duration.ofSeconds(3), 2, 64 << 20, 256 << 20, 12, 512, 64,
                1 << 20, 8 << 20, 1 << 20, 16384);
        try (RunCgroup run = cgroups.create(limits)) {
            Path memory = run.procsFiles().get(0).getParent();
            // v1: memory+swap together no more than memory alone; v2: no swap at all; a kernel that counts no
            // swap in cgroups must then have none to give
            Path v1 = memory.resolve("memory.memsw.limit_in_bytes");
            Path v2 = memory.resolve("memory.swap.max");
            if (Files.exists(v1)) {
                assertEquals(Long.toString(64 << 20), Files.readString(v1).strip());
            } else if (Files.exists(v2)) {
                assertEquals("0", Files.readString(v2).strip());
            } else {
                assertTrue(Files.readAllLines(Path.of("/proc/meminfo")).stream()
                                .anyMatch(line -> line.matches("SwapTotal:\\s+0 kB")),
                        "no swap limit in " + memory + " and the host has swap: a run could swap");
            }
        }
    }
}
