package dev.dojo.eval.sandbox.seccomp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * One classic-BPF instruction, {@code struct sock_filter}: u16 code, u8 jt, u8 jf, u32 k, little-endian (both
 * architectures we filter are little-endian). Only the few opcodes a seccomp filter needs.
 */
public record BpfInstruction(int code, int jt, int jf, int k) {

    public static final int LD_W_ABS = 0x20;
    public static final int JEQ_K = 0x15;
    public static final int JGE_K = 0x35;
    public static final int JSET_K = 0x45;
    public static final int RET_K = 0x06;

    public BpfInstruction {
        if (jt < 0 || jt > 255 || jf < 0 || jf > 255) {
            throw new IllegalArgumentException("jump offset out of range: " + jt + "/" + jf);
        }
    }

    /** The bytes bwrap's {@code --seccomp FD} reads: the instructions back to back, nothing else. */
    public static byte[] encode(List<BpfInstruction> program) {
        ByteBuffer buffer = ByteBuffer.allocate(program.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (BpfInstruction i : program) {
            buffer.putShort((short) i.code).put((byte) i.jt).put((byte) i.jf).putInt(i.k);
        }
        return buffer.array();
    }
}
