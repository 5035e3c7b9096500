package dev.dojo.eval.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two settings that are read rather than passed on: how many runs at once, and whether a cgroup is required. */
class SandboxSettingsTest {

    @Test
    void slotsAreAsSetOrOnePerProcessor() {
        assertEquals(3, settings(3, "required").effectiveSlots());
        assertEquals(1, settings(1, "required").effectiveSlots());
        assertEquals(Runtime.getRuntime().availableProcessors(), settings(0, "required").effectiveSlots());
        assertEquals(Runtime.getRuntime().availableProcessors(), settings(-2, "required").effectiveSlots());
    }

    @Test
    void onlyOffInAnyCaseTurnsTheCgroupOff() {
        assertFalse(settings(1, "off").cgroupRequired());
        assertFalse(settings(1, "OFF").cgroupRequired());
        assertTrue(settings(1, "required").cgroupRequired());
        assertTrue(settings(1, "no").cgroupRequired(), "anything else keeps the safe default");
    }

    private static SandboxSettings settings(int slots, String cgroup) {
        return new SandboxSettings("/usr/bin/bwrap", "/usr/bin/prlimit", "/usr/bin/setpriv", "/bin/sh", 65534, cgroup,
                slots, 16, Duration.ofSeconds(10), 2);
    }
}
