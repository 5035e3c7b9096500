package dev.dojo.eval.sandbox.seccomp;

import dev.dojo.eval.sandbox.SandboxUnavailableException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The file bubblewrap reads the filter from: the architecture's program, read-only for everyone, written once and
 * written again when something removed it; an architecture without a filter refuses to grade.
 */
class FilterFileTest {

    @Test
    void theFileHoldsTheArchitecturesProgramReadOnlyAndIsWrittenOnce() throws IOException {
        FilterFile filter = FilterFile.forArchitecture("aarch64");
        Path first = filter.path();
        try {
            assertEquals(SeccompArch.AARCH64, filter.arch());
            assertArrayEquals(SeccompFilter.bytes(SeccompArch.AARCH64), Files.readAllBytes(first));
            assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(first)));
            assertSame(first, filter.path(), "a readable file is reused, not written again");
        } finally {
            Files.deleteIfExists(first);
        }
    }

    @Test
    void aRemovedFileIsWrittenAgain() throws IOException {
        FilterFile filter = FilterFile.forArchitecture("amd64");
        Path first = filter.path();
        Files.delete(first);

        Path second = filter.path();
        try {
            assertNotEquals(first, second);
            assertTrue(Files.isReadable(second));
            assertArrayEquals(SeccompFilter.bytes(SeccompArch.X86_64), Files.readAllBytes(second));
        } finally {
            Files.deleteIfExists(second);
        }
    }

    @Test
    void anArchitectureWithoutAFilterRefusesToGrade() {
        SandboxUnavailableException refused = assertThrows(SandboxUnavailableException.class,
                () -> FilterFile.forArchitecture("riscv64"));
        assertEquals("no seccomp filter for architecture riscv64 (only x86-64 and aarch64); refusing to grade"
                + " unfiltered", refused.getMessage());
    }
}
