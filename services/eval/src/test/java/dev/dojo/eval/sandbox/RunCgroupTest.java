package dev.dojo.eval.sandbox;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A run without a cgroup (mode {@code off}): nothing to join, no OOM report, and no way to kill the run's processes
 * one by one — so the sandbox stops such a run by killing bubblewrap at once instead of waiting for it.
 */
class RunCgroupTest {

    @Test
    void withoutACgroupThereIsNothingToJoinNothingToReportAndNoOneToKill() {
        assertEquals(List.of(), RunCgroup.NONE.procsFiles());
        assertFalse(RunCgroup.NONE.oomKilled());
        assertFalse(RunCgroup.NONE.killAllBut(ProcessHandle.current().pid()));
        RunCgroup.NONE.close();
    }
}
