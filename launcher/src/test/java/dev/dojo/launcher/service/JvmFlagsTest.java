package dev.dojo.launcher.service;

import dev.dojo.launcher.Service;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JvmFlagsTest {

    @Test
    void mainKeepsTheFullTieredCompilerOthersStartWithC1Only() {
        assertFalse(JvmFlags.defaultsFor(Service.MAIN).contains("-XX:TieredStopAtLevel=1"));
        assertTrue(JvmFlags.defaultsFor(Service.MAIN).contains("-XX:+UseSerialGC"));
        assertTrue(JvmFlags.defaultsFor(Service.USERS).contains("-XX:TieredStopAtLevel=1"));
    }
}
