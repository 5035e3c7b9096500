package dev.dojo.eval.sandbox;

import java.nio.file.Path;
import java.util.List;

/** The memory+pids cgroup of one run: joined before exec, emptied and removed afterwards. */
public interface RunCgroup extends AutoCloseable {

    /** The {@code cgroup.procs} files the run's first process writes its pid to before anything else runs. */
    List<Path> procsFiles();

    /** Whether the kernel's OOM killer fired inside this cgroup. */
    boolean oomKilled();

    /**
     * Kills every process of the run except {@code keep} (the outer bubblewrap), so that bubblewrap reaps its
     * child and exits by itself. Returns false when there is no cgroup to do this with.
     */
    boolean killAllBut(long keep);

    /** Kills every process still in the cgroup and removes it. */
    @Override
    void close();

    /** No cgroup (mode {@code off}): nothing to join, nothing to report. */
    RunCgroup NONE = new RunCgroup() {
        @Override
        public List<Path> procsFiles() {
            return List.of();
        }

        @Override
        public boolean oomKilled() {
            return false;
        }

        @Override
        public boolean killAllBut(long keep) {
            return false;
        }

        @Override
        public void close() {
        }
    };
}
