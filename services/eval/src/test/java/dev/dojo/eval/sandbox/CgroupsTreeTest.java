package dev.dojo.eval.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How {@link Cgroups} finds and prepares its place on either cgroup layout, read from a prepared tree that stands
 * for {@code /proc/self/cgroup} and {@code /sys/fs/cgroup}: a host has one layout only, so {@code CgroupsTest} and the
 * sandbox tests exercise just the machine's own. In a plain directory a write replaces a file's content and a
 * directory holding files cannot be removed; on cgroupfs each write to {@code cgroup.procs} moves one process and a
 * cgroup is removed with its files — the assertions below rely on neither.
 */
class CgroupsTreeTest {

    private static final SandboxLimits LIMITS = new SandboxLimits(Duration.ofSeconds(3), 2, 64 << 20, 256 << 20, 12,
            512, 64, 1 << 20, 8 << 20, 1 << 20, 16384);

    @TempDir
    Path tree;

    @Test
    void onV2TheServiceMovesIntoALeafAndDelegatesMemoryAndPidsToItsSubtree() throws IOException {
        Path root = v2Root();
        Path own = controllers(root.resolve("eval.slice/dojo"), "cpu io memory pids");
        Files.writeString(own.resolve("cgroup.subtree_control"), "");
        Files.writeString(own.resolve("cgroup.procs"), "101\n\n202\n");
        Path parent = Files.createDirectories(own.resolve("dojo-sandbox"));
        Files.writeString(parent.resolve("cgroup.subtree_control"), "pids");

        Cgroups cgroups = Cgroups.detect(membership("0::/eval.slice/dojo"), root);

        assertEquals(List.of(parent), cgroups.parents());
        assertEquals("v2 at " + parent, cgroups.describe());
        assertEquals("202", Files.readString(own.resolve("dojo-service/cgroup.procs")),
                "the listed processes are moved into the leaf (here each write replaced the last)");
        assertEquals("+memory +pids", Files.readString(own.resolve("cgroup.subtree_control")));
        assertEquals("+memory +pids", Files.readString(parent.resolve("cgroup.subtree_control")),
                "pids alone is not enough below the parent either");
    }

    @Test
    void onV2AnAlreadyDelegatedSubtreeIsLeftAsItIs() throws IOException {
        Path root = v2Root();
        Path own = controllers(root.resolve("dojo"), "memory pids");
        Files.writeString(own.resolve("cgroup.subtree_control"), "memory pids");
        Path parent = Files.createDirectories(own.resolve("dojo-sandbox"));
        Files.writeString(parent.resolve("cgroup.subtree_control"), "pids memory");

        Cgroups.detect(membership("1:name=systemd:/elsewhere", "0::/dojo"), root);

        assertFalse(Files.exists(own.resolve("dojo-service")), "no leaf: the service already may have children");
        assertEquals("memory pids", Files.readString(own.resolve("cgroup.subtree_control")));
        assertEquals("pids memory", Files.readString(parent.resolve("cgroup.subtree_control")));
    }

    @Test
    void onV2WithoutAMembershipLineTheRootIsTheServicesCgroup() throws IOException {
        Path root = v2Root();
        Files.writeString(root.resolve("cgroup.subtree_control"), "memory pids");
        Path parent = Files.createDirectories(root.resolve("dojo-sandbox"));
        Files.writeString(parent.resolve("cgroup.subtree_control"), "memory pids");

        assertEquals(List.of(parent), Cgroups.detect(membership("3:memory:/not-v2"), root).parents());
    }

    @Test
    void onV2MemoryAndPidsMustBothBeOffered() throws IOException {
        List<String> offers = List.of("cpu pids", "cpu memory");
        for (int i = 0; i < offers.size(); i++) {
            String offered = offers.get(i);
            Path root = v2Root();
            Path own = controllers(root.resolve("dojo-" + i), offered);

            SandboxUnavailableException refused = assertThrows(SandboxUnavailableException.class,
                    () -> Cgroups.detect(membership("0::/" + own.getFileName()), root));

            assertEquals("cgroup v2 at " + own + " offers [" + offered + "] but the sandbox needs memory and pids"
                    + " delegated", refused.getMessage());
        }
    }

    @Test
    void onV2ARunGetsItsMemoryAndPidsLimitsAndReportsTheOomKiller() throws IOException {
        Path parent = delegatedV2();
        Cgroups cgroups = Cgroups.detect(membership("0::/dojo"), tree.resolve("v2"));

        RunCgroup run = cgroups.create(LIMITS);

        Path dir = run.procsFiles().get(0).getParent();
        assertEquals(parent, dir.getParent());
        assertTrue(dir.getFileName().toString().startsWith("run-" + ProcessHandle.current().pid() + "-"), dir.toString());
        assertEquals(List.of(dir.resolve("cgroup.procs")), run.procsFiles());
        assertEquals(Long.toString(64 << 20), Files.readString(dir.resolve("memory.max")));
        assertEquals("12", Files.readString(dir.resolve("pids.max")));
        assertFalse(Files.exists(dir.resolve("memory.swap.max")), "written only where the kernel offers it");

        assertFalse(run.oomKilled(), "no memory.events yet");
        Files.writeString(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 4\noom 1\noom_kill 0\n");
        assertFalse(run.oomKilled(), "an oom event without a kill");
        Files.writeString(dir.resolve("memory.events"), "low 0\noom 1\noom_kill 2\n");
        assertTrue(run.oomKilled());
    }

    @Test
    void onV2ClosingARunWithProcessesLeftUsesCgroupKill() throws IOException {
        delegatedV2();
        RunCgroup run = Cgroups.detect(membership("0::/dojo"), tree.resolve("v2")).create(LIMITS);
        Path dir = run.procsFiles().get(0).getParent();
        Files.writeString(dir.resolve("cgroup.kill"), "0");
        Files.writeString(dir.resolve("cgroup.procs"), "999999999\n");

        run.close();

        assertEquals("1", Files.readString(dir.resolve("cgroup.kill")));
    }

    @Test
    void aRunsLeftoverProcessesAreKilledButNotTheOneKeptAndClosingKillsThemAll() throws Exception {
        delegatedV2();
        RunCgroup run = Cgroups.detect(membership("0::/dojo"), tree.resolve("v2")).create(LIMITS);
        Process kept = new ProcessBuilder("sleep", "600").start();
        Process other = new ProcessBuilder("sleep", "600").start();
        try {
            Files.writeString(run.procsFiles().get(0), kept.pid() + "\n" + other.pid() + "\n\n");

            assertTrue(run.killAllBut(kept.pid()));
            assertTrue(other.waitFor(30, TimeUnit.SECONDS), "the other process was killed");
            assertTrue(kept.isAlive(), "the kept one (bubblewrap) was not");

            run.close();
            assertTrue(kept.waitFor(30, TimeUnit.SECONDS), "closing a run kills what is left in it");
        } finally {
            kept.destroyForcibly();
            other.destroyForcibly();
        }
    }

    @Test
    void atStartTheRunsOfAGoneServiceAreRemovedAndTheirProcessesKilled() throws Exception {
        Path parent = delegatedV2();
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(30, TimeUnit.SECONDS));
        Path abandoned = Files.createDirectory(parent.resolve("run-" + gone.pid() + "-7"));
        Path emptyAbandoned = Files.createDirectory(parent.resolve("run-" + gone.pid() + "-8"));
        Path live = Files.createDirectory(parent.resolve("run-" + ProcessHandle.current().pid() + "-1"));
        Path other = Files.createDirectory(parent.resolve("something-else"));
        Process straggler = new ProcessBuilder("sleep", "600").start();
        try {
            Files.writeString(abandoned.resolve("cgroup.procs"), straggler.pid() + "\n");

            Cgroups.detect(membership("0::/dojo"), tree.resolve("v2"));

            assertTrue(straggler.waitFor(30, TimeUnit.SECONDS), "the process left in the abandoned run was killed");
            assertFalse(Files.exists(emptyAbandoned), "an abandoned run is removed");
            assertTrue(Files.isDirectory(live), "a live service's run is kept");
            assertTrue(Files.isDirectory(other), "what is not a run is kept");
        } finally {
            straggler.destroyForcibly();
        }
    }

    @Test
    void onV1RunsAreMadeInTheServicesMemoryAndPidsCgroups() throws IOException {
        Path root = tree.resolve("v1");
        Files.createDirectories(root.resolve("memory"));
        Files.createDirectories(root.resolve("pids"));
        Files.writeString(root.resolve("memory/cgroup.procs"), "");
        Files.writeString(root.resolve("pids/cgroup.procs"), "");

        Cgroups cgroups = Cgroups.detect(membership("12:cpu,cpuacct:/cpu-only", "9:pids:/eval/pids",
                "7:blkio,memory:/eval/mem", "0::/unified"), root);

        Path memory = root.resolve("memory/eval/mem/dojo-sandbox");
        Path pids = root.resolve("pids/eval/pids/dojo-sandbox");
        assertEquals(List.of(memory, pids), cgroups.parents());
        assertTrue(Files.isDirectory(memory) && Files.isDirectory(pids), "both parents are made");
        assertEquals("v1 at " + memory + " and " + pids, cgroups.describe());

        RunCgroup run = cgroups.create(LIMITS);
        Path memoryRun = run.procsFiles().get(0).getParent();
        Path pidsRun = run.procsFiles().get(1).getParent();
        assertEquals(memory, memoryRun.getParent());
        assertEquals(pids.resolve(memoryRun.getFileName()), pidsRun, "one name in both hierarchies");
        assertEquals(Long.toString(64 << 20), Files.readString(memoryRun.resolve("memory.limit_in_bytes")));
        assertFalse(Files.exists(memoryRun.resolve("memory.memsw.limit_in_bytes")));
        assertEquals("12", Files.readString(pidsRun.resolve("pids.max")));

        Files.writeString(memoryRun.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n");
        assertFalse(run.oomKilled());
        Files.writeString(memoryRun.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n");
        assertTrue(run.oomKilled());
    }

    @Test
    void onV1AControllerThatIsNotMountedIsNamed() throws IOException {
        Path root = tree.resolve("v1");
        Files.createDirectories(root.resolve("memory"));
        Files.writeString(root.resolve("memory/cgroup.procs"), "");

        SandboxUnavailableException refused = assertThrows(SandboxUnavailableException.class,
                () -> Cgroups.detect(membership("4:memory:/"), root));

        assertEquals("cgroup v1 pids controller is not mounted at " + root.resolve("pids"), refused.getMessage());
    }

    @Test
    void onV1AControllerThatCannotHoldTheParentIsNamed() throws IOException {
        Path root = tree.resolve("v1");
        for (String controller : List.of("memory", "pids")) {
            Files.createDirectories(root.resolve(controller));
            Files.writeString(root.resolve(controller + "/cgroup.procs"), "");
        }
        Files.writeString(root.resolve("memory/eval"), "a file where the service's cgroup should be");

        SandboxUnavailableException refused = assertThrows(SandboxUnavailableException.class,
                () -> Cgroups.detect(membership("4:memory:/eval", "3:pids:/eval"), root));

        assertTrue(refused.getMessage().startsWith("cannot create cgroup " + root.resolve("memory/eval/dojo-sandbox")),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith("the service needs a writable memory cgroup"), refused.getMessage());
    }

    /** A v2 root whose service cgroup {@code /dojo} has memory and pids delegated already; answers the parent. */
    private Path delegatedV2() throws IOException {
        Path own = controllers(v2Root().resolve("dojo"), "memory pids");
        Files.writeString(own.resolve("cgroup.subtree_control"), "memory pids");
        Path parent = Files.createDirectories(own.resolve("dojo-sandbox"));
        Files.writeString(parent.resolve("cgroup.subtree_control"), "memory pids");
        return parent;
    }

    private Path v2Root() throws IOException {
        return controllers(tree.resolve("v2"), "cpuset cpu io memory pids");
    }

    private static Path controllers(Path dir, String offered) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("cgroup.controllers"), offered + "\n");
        return dir;
    }

    private Path membership(String... lines) throws IOException {
        return Files.write(tree.resolve("self-cgroup"), List.of(lines));
    }
}
