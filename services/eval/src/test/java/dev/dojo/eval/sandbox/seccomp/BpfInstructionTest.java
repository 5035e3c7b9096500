package dev.dojo.eval.sandbox.seccomp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code struct sock_filter}'s jump offsets are one unsigned byte each: 0 and 255 are the ends of what the kernel can
 * express, anything outside must stop the filter from being built rather than wrap into a jump somewhere else.
 */
class BpfInstructionTest {

    @Test
    void jumpOffsetsAtBothEndsOfAByteAreKeptExactly() {
        byte[] bytes = BpfInstruction.encode(List.of(
                new BpfInstruction(BpfInstruction.JEQ_K, 0, 255, 0x01020304),
                new BpfInstruction(BpfInstruction.JGE_K, 255, 0, 0xFFFFFFFF)));
        assertArrayEquals(new byte[] {
                0x15, 0x00, 0x00, (byte) 0xFF, 0x04, 0x03, 0x02, 0x01,
                0x35, 0x00, (byte) 0xFF, 0x00, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, bytes);
    }

    @Test
    void anOffsetOutsideAByteIsRefused() {
        for (int[] offsets : new int[][] {{-1, 0}, {256, 0}, {0, -1}, {0, 256}}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new BpfInstruction(BpfInstruction.JEQ_K, offsets[0], offsets[1], 0),
                    offsets[0] + "/" + offsets[1]);
        }
    }
}
