package dev.dojo.eval.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates per-run cgroups below the service's own cgroup, on cgroup v2 (unified) or v1 (separate memory and pids
 * hierarchies). Nesting below our own cgroup means whatever limits the host or container puts on the service
 * also bound the sandboxes, and we never need write access anywhere else.
 */
public final class Cgroups {

    private static final Logger LOG = LoggerFactory.getLogger(Cgroups.class);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final boolean unified;
    private final Path memoryParent;
    private final Path pidsParent;

    private Cgroups(boolean unified, Path memoryParent, Path pidsParent) {
        this.unified = unified;
        this.memoryParent = memoryParent;
        this.pidsParent = pidsParent;
    }

    /** Finds a writable place for run cgroups, or explains why there is none. */
    public static Cgroups detect() {
        return detect(Path.of("/proc/self/cgroup"), Path.of("/sys/fs/cgroup"));
    }

    /** As {@link #detect()}, with this process's membership and the cgroup mount read from elsewhere (tests). */
    static Cgroups detect(Path membershipFile, Path root) {
        List<String> membership = readLines(membershipFile);
        if (Files.exists(root.resolve("cgroup.controllers"))) {
            String own = membership.stream().filter(l -> l.startsWith("0::")).map(l -> l.substring(3))
                    .findFirst().orElse("/");
            return v2(root.resolve(own.substring(1))).withoutAbandonedRuns();
        }
        Path memory = v1Parent(root, membership, "memory");
        Path pids = v1Parent(root, membership, "pids");
        return new Cgroups(false, memory, pids).withoutAbandonedRuns();
    }

    private static Path v1Parent(Path root, List<String> membership, String controller) {
        Path mount = root.resolve(controller);
        if (!Files.exists(mount.resolve("cgroup.procs"))) {
            throw new SandboxUnavailableException("cgroup v1 " + controller + " controller is not mounted at " + mount);
        }
        String own = membership.stream()
                .map(l -> l.split(":", 3))
                .filter(parts -> parts.length == 3 && List.of(parts[1].split(",")).contains(controller))
                .map(parts -> parts[2]).findFirst().orElse("/");
        Path parent = mount.resolve(own.substring(1)).resolve("dojo-sandbox");
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot create cgroup " + parent + " (" + e.getMessage()
                    + "): the service needs a writable " + controller + " cgroup");
        }
        return parent;
    }

    /**
     * cgroup v2 forbids processes in a cgroup that hands controllers to its children, so the service first moves
     * itself into a leaf ({@code dojo-service}) and then enables memory and pids for its subtree.
     */
    private static Cgroups v2(Path own) {
        try {
            String controllers = Files.readString(own.resolve("cgroup.controllers"));
            if (!controllers.contains("memory") || !controllers.contains("pids")) {
                throw new SandboxUnavailableException("cgroup v2 at " + own + " offers [" + controllers.strip()
                        + "] but the sandbox needs memory and pids delegated");
            }
            String enabled = Files.readString(own.resolve("cgroup.subtree_control"));
            if (!enabled.contains("memory") || !enabled.contains("pids")) {
                Path leaf = own.resolve("dojo-service");
                Files.createDirectories(leaf);
                for (String pid : readLines(own.resolve("cgroup.procs"))) {
                    if (!pid.isBlank()) {
                        try {
                            Files.writeString(leaf.resolve("cgroup.procs"), pid.strip());
                        } catch (IOException e) {
                            // a process that exited meanwhile, or a kernel thread: it cannot move, nothing to do
                        }
                    }
                }
                Files.writeString(own.resolve("cgroup.subtree_control"), "+memory +pids");
            }
            Path parent = own.resolve("dojo-sandbox");
            Files.createDirectories(parent);
            String parentEnabled = Files.readString(parent.resolve("cgroup.subtree_control"));
            if (!parentEnabled.contains("memory") || !parentEnabled.contains("pids")) {
                Files.writeString(parent.resolve("cgroup.subtree_control"), "+memory +pids");
            }
            return new Cgroups(true, parent, parent);
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot delegate cgroup v2 controllers below " + own + " ("
                    + e.getMessage() + "): the service needs a writable cgroup");
        }
    }

    /**
     * Removes the run cgroups of service processes that are gone (killed or crashed mid-run: a run's cgroup is
     * named after the service's pid), and kills whatever still runs in them. A live service's runs are left alone,
     * so two services may share the parent.
     */
    private Cgroups withoutAbandonedRuns() {
        List<Path> abandoned = new ArrayList<>();
        for (Path parent : parents()) {
            try (var runs = Files.list(parent)) {
                runs.filter(dir -> ownerGone(dir.getFileName().toString())).forEach(abandoned::add);
            } catch (IOException e) {
                LOG.debug("cannot list {}: {}", parent, e.getMessage());
            }
        }
        if (!abandoned.isEmpty()) {
            LOG.warn("removing {} run cgroup(s) left by a stopped eval: {}", abandoned.size(), abandoned);
            abandoned.forEach(dir -> new Group(List.of(dir), dir, unified).close());
        }
        return this;
    }

    /** Whether {@code name} is a run cgroup ({@code run-<pid>-<n>}) of a process that no longer exists. */
    static boolean ownerGone(String name) {
        String[] parts = name.split("-");
        if (parts.length != 3 || !parts[0].equals("run")) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(parts[1])).isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Where run cgroups are made: one directory on v2, the memory and the pids one on v1. */
    List<Path> parents() {
        return unified ? List.of(memoryParent) : List.of(memoryParent, pidsParent);
    }

    public String describe() {
        return unified ? "v2 at " + memoryParent : "v1 at " + memoryParent + " and " + pidsParent;
    }

    /** A fresh cgroup for one run, with its limits already written. */
    public RunCgroup create(SandboxLimits limits) {
        String name = "run-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        try {
            if (unified) {
                Path dir = Files.createDirectory(memoryParent.resolve(name));
                Files.writeString(dir.resolve("memory.max"), Long.toString(limits.memoryBytes()));
                writeIfPresent(dir.resolve("memory.swap.max"), "0");
                Files.writeString(dir.resolve("pids.max"), Integer.toString(limits.pids()));
                return new Group(List.of(dir), dir.resolve("memory.events"), true);
            }
            Path memory = Files.createDirectory(memoryParent.resolve(name));
            Path pids = Files.createDirectory(pidsParent.resolve(name));
            Files.writeString(memory.resolve("memory.limit_in_bytes"), Long.toString(limits.memoryBytes()));
            writeIfPresent(memory.resolve("memory.memsw.limit_in_bytes"), Long.toString(limits.memoryBytes()));
            Files.writeString(pids.resolve("pids.max"), Integer.toString(limits.pids()));
            return new Group(List.of(memory, pids), memory.resolve("memory.oom_control"), false);
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot create a run cgroup: " + e.getMessage());
        }
    }

    private static void writeIfPresent(Path file, String value) {
        if (Files.exists(file)) {
            try {
                Files.writeString(file, value);
            } catch (IOException e) {
                LOG.debug("cannot write {}: {}", file, e.getMessage());
            }
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private record Group(List<Path> dirs, Path oomFile, boolean unified) implements RunCgroup {

        @Override
        public List<Path> procsFiles() {
            return dirs.stream().map(d -> d.resolve("cgroup.procs")).toList();
        }

        @Override
        public boolean oomKilled() {
            return readLines(oomFile).stream()
                    .map(line -> line.split(" "))
                    .anyMatch(parts -> parts.length == 2 && parts[0].equals("oom_kill") && !parts[1].equals("0"));
        }

        @Override
        public boolean killAllBut(long keep) {
            members().stream().filter(pid -> pid != keep)
                    .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            return true;
        }

        private List<Long> members() {
            List<Long> members = new ArrayList<>();
            for (Path dir : dirs) {
                for (String pid : readLines(dir.resolve("cgroup.procs"))) {
                    if (!pid.isBlank()) {
                        members.add(Long.parseLong(pid.strip()));
                    }
                }
            }
            return members;
        }

        @Override
        public void close() {
            for (int attempt = 0; attempt < 50; attempt++) {
                List<Long> left = members();
                if (left.isEmpty()) {
                    break;
                }
                if (unified && Files.exists(dirs.get(0).resolve("cgroup.kill"))) {
                    writeIfPresent(dirs.get(0).resolve("cgroup.kill"), "1");
                } else {
                    left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                }
                sleepBriefly();
            }
            for (Path dir : dirs) {
                removeDir(dir);
            }
        }

        private static void removeDir(Path dir) {
            for (int attempt = 0; attempt < 50; attempt++) {
                try {
                    Files.deleteIfExists(dir);
                    return;
                } catch (IOException e) {
                    sleepBriefly();
                }
            }
            LOG.warn("could not remove run cgroup {}", dir);
        }

        private static void sleepBriefly() {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
