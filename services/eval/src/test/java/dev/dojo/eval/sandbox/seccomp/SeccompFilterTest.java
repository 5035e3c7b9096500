package dev.dojo.eval.sandbox.seccomp;

import dev.dojo.eval.sandbox.SandboxUnavailableException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.dojo.eval.sandbox.seccomp.SeccompFilter.ENOSYS;
import static dev.dojo.eval.sandbox.seccomp.SeccompFilter.EPERM;
import static dev.dojo.eval.sandbox.seccomp.SeccompFilter.RET_ALLOW;
import static dev.dojo.eval.sandbox.seccomp.SeccompFilter.RET_ERRNO;
import static dev.dojo.eval.sandbox.seccomp.SeccompFilter.RET_KILL_PROCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the generated program in a small classic-BPF interpreter, for both architectures (only one of them can run
 * for real here: {@code SeccompSandboxTest}), and compares the syscall table with the probe's own transcription.
 */
class SeccompFilterTest {

    private static final int AUDIT_ARCH_I386 = 0x40000003;
    private static final int AUDIT_ARCH_ARM = 0x40000028;
    /** What glibc passes for fork() and for a new thread: must stay allowed. */
    private static final long FORK_FLAGS = 0x01200011L;
    private static final long THREAD_FLAGS = 0x003D0F00L;

    @Test
    void everyRefusedCallGetsEperm() {
        for (SeccompArch arch : SeccompArch.values()) {
            everyRefusedCallGetsEperm(arch);
        }
    }

    private static void everyRefusedCallGetsEperm(SeccompArch arch) {
        byte[] filter = SeccompFilter.bytes(arch);
        int refused = 0;
        for (String call : SeccompFilter.REFUSED.keySet()) {
            if (arch.number(call).isPresent()) {
                assertEquals(RET_ERRNO | EPERM, run(filter, arch.auditArch(), arch.number(call).get(), 0), call);
                refused++;
            }
        }
        assertEquals(arch == SeccompArch.X86_64 ? 38 : 36, refused);
    }

    @Test
    void cloneIsRefusedOnlyWithNamespaceFlagsAndClone3SaysEnosys() {
        for (SeccompArch arch : SeccompArch.values()) {
            cloneChecks(arch);
        }
    }

    private static void cloneChecks(SeccompArch arch) {
        byte[] filter = SeccompFilter.bytes(arch);
        int clone = arch.number("clone").orElseThrow();
        assertEquals(RET_ALLOW, run(filter, arch.auditArch(), clone, FORK_FLAGS));
        assertEquals(RET_ALLOW, run(filter, arch.auditArch(), clone, THREAD_FLAGS));
        for (int bit = 0; bit < 32; bit++) {
            long flag = 1L << bit;
            int expected = (SeccompFilter.CLONE_NEW_FLAGS & flag) != 0 ? RET_ERRNO | EPERM : RET_ALLOW;
            assertEquals(expected, run(filter, arch.auditArch(), clone, FORK_FLAGS | flag), "bit " + bit);
        }
        assertEquals(Integer.bitCount(SeccompFilter.CLONE_NEW_FLAGS), 7);
        assertEquals(RET_ERRNO | ENOSYS, run(filter, arch.auditArch(), arch.number("clone3").orElseThrow(), 0));
    }

    @Test
    void ordinaryCallsAreAllowed() {
        for (SeccompArch arch : SeccompArch.values()) {
            ordinaryCallsAreAllowed(arch);
        }
    }

    private static void ordinaryCallsAreAllowed(SeccompArch arch) {
        byte[] filter = SeccompFilter.bytes(arch);
        for (int nr = 0; nr < 460; nr++) {
            final int call = nr;
            boolean named = SeccompFilter.REFUSED.keySet().stream()
                    .anyMatch(name -> arch.number(name).filter(n -> n == call).isPresent())
                    || arch.number("clone").get() == nr || arch.number("clone3").get() == nr;
            if (!named) {
                assertEquals(RET_ALLOW, run(filter, arch.auditArch(), nr, 0), "syscall " + nr);
            }
        }
    }

    @Test
    void anotherAbiIsKilledAndX32Refused() {
        byte[] x86 = SeccompFilter.bytes(SeccompArch.X86_64);
        byte[] arm = SeccompFilter.bytes(SeccompArch.AARCH64);
        // i386 int 0x80 from an x86-64 process: numbers mean other calls there
        assertEquals(RET_KILL_PROCESS, run(x86, AUDIT_ARCH_I386, 26, 0));
        assertEquals(RET_KILL_PROCESS, run(x86, SeccompArch.AARCH64.auditArch(), 0, 0));
        assertEquals(RET_KILL_PROCESS, run(arm, AUDIT_ARCH_ARM, 26, 0));
        assertEquals(RET_KILL_PROCESS, run(arm, SeccompArch.X86_64.auditArch(), 0, 0));
        // x32: read is 0x40000000 + 0
        assertEquals(RET_ERRNO | ENOSYS, run(x86, SeccompArch.X86_64.auditArch(), 0x40000000, 0));
        assertEquals(RET_ERRNO | ENOSYS, run(x86, SeccompArch.X86_64.auditArch(), 0x40000000 + 101, 0));
        // on arm64 there is no x32: a high number is just an unknown call the kernel answers ENOSYS itself
        assertEquals(RET_ALLOW, run(arm, SeccompArch.AARCH64.auditArch(), 0x40000000, 0));
    }

    @Test
    void theFormatIsWhatBwrapReads() {
        for (SeccompArch arch : SeccompArch.values()) {
            byte[] bytes = SeccompFilter.bytes(arch);
            assertEquals(0, bytes.length % 8);
            assertEquals(SeccompFilter.program(arch).size() * 8, bytes.length);
            assertTrue(bytes.length / 8 < 256, "jump offsets are u8");
            // first instruction: load the arch word
            assertEquals(0x20, bytes[0]);
            assertEquals(4, bytes[4]);
        }
    }

    @Test
    void unknownArchitecturesAreRefused() {
        assertEquals(SeccompArch.X86_64, SeccompArch.of("amd64").orElseThrow());
        assertEquals(SeccompArch.AARCH64, SeccompArch.of("aarch64").orElseThrow());
        for (String arch : new String[] {"x86", "i386", "arm", "riscv64", "ppc64le", "s390x", ""}) {
            SandboxUnavailableException e = assertThrows(SandboxUnavailableException.class,
                    () -> FilterFile.forArchitecture(arch));
            assertTrue(e.getMessage().contains("no seccomp filter for architecture " + arch), e.getMessage());
        }
    }

    /** The service's table equals the one transcribed separately into the in-sandbox probe. */
    @Test
    void syscallNumbersMatchTheProbesTranscription() throws IOException {
        String probe;
        try (InputStream in = getClass().getResourceAsStream("/sandbox/seccomp_probe.py")) {
            probe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (SeccompArch arch : SeccompArch.values()) {
            String block = probe.substring(probe.indexOf("'" + arch.name() + "': {"));
            block = block.substring(0, block.indexOf('}'));
            Map<String, Integer> transcribed = new TreeMap<>();
            Matcher m = Pattern.compile("'(\\w+)': (\\d+)").matcher(block);
            while (m.find()) {
                transcribed.put(m.group(1), Integer.parseInt(m.group(2)));
            }
            Map<String, Integer> ours = new TreeMap<>();
            for (String call : SeccompFilter.REFUSED.keySet()) {
                arch.number(call).ifPresent(n -> ours.put(call, n));
            }
            ours.put("clone", arch.number("clone").orElseThrow());
            ours.put("clone3", arch.number("clone3").orElseThrow());
            assertEquals(transcribed, ours, arch.name());
        }
    }

    /** A classic-BPF interpreter for the opcodes a seccomp filter uses, over {@code struct seccomp_data}. */
    static int run(byte[] filter, int arch, int nr, long arg0) {
        ByteBuffer data = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        data.putInt(0, nr).putInt(4, arch).putLong(16, arg0);
        ByteBuffer program = ByteBuffer.wrap(filter).order(ByteOrder.LITTLE_ENDIAN);
        int accumulator = 0;
        int pc = 0;
        for (int steps = 0; steps < 1000; steps++) {
            int at = pc * 8;
            int code = program.getShort(at) & 0xFFFF;
            int jt = program.get(at + 2) & 0xFF;
            int jf = program.get(at + 3) & 0xFF;
            int k = program.getInt(at + 4);
            pc++;
            switch (code) {
                case 0x20 -> accumulator = data.getInt(k);
                case 0x06 -> {
                    return k;
                }
                case 0x15 -> pc += accumulator == k ? jt : jf;
                case 0x35 -> pc += Integer.compareUnsigned(accumulator, k) >= 0 ? jt : jf;
                case 0x45 -> pc += (accumulator & k) != 0 ? jt : jf;
                default -> throw new AssertionError("unexpected opcode " + code);
            }
        }
        throw new AssertionError("no return");
    }
}
