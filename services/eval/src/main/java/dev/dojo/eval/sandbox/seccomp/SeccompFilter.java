package dev.dojo.eval.sandbox.seccomp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the sandbox's seccomp filter as classic BPF for bwrap's {@code --seccomp}. Default allow; refused:
 * <ul>
 *   <li>another ABI than the one the filter is written for (i386 {@code int 0x80} on x86-64, arm32 compat on arm64):
 *       the process is killed, since its numbers would mean other calls;</li>
 *   <li>x86-64's x32 ABI (numbers with bit 30 set): ENOSYS;</li>
 *   <li>every call in {@link #REFUSED}: EPERM;</li>
 *   <li>{@code clone} with any {@code CLONE_NEW*} flag: EPERM (plain fork and threads still work);</li>
 *   <li>{@code clone3}: ENOSYS, because its flags live in memory a filter cannot read; glibc then falls back to
 *       {@code clone} (with EPERM instead, threads and {@code posix_spawn} would fail).</li>
 * </ul>
 */
public final class SeccompFilter {

    /** Calls refused with EPERM, and why (see docs/sandbox.md). */
    public static final Map<String, String> REFUSED = refused();

    /** Namespace flags refused in clone's first argument: NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET. */
    public static final int CLONE_NEW_FLAGS = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000
            | 0x20000000 | 0x40000000;

    public static final int RET_KILL_PROCESS = 0x80000000;
    public static final int RET_ERRNO = 0x00050000;
    public static final int RET_ALLOW = 0x7FFF0000;
    public static final int EPERM = 1;
    public static final int ENOSYS = 38;

    private static final int OFFSET_NR = 0;
    private static final int OFFSET_ARCH = 4;
    /** Low 32 bits of args[0] (little-endian); every CLONE_NEW* flag is there. */
    private static final int OFFSET_ARG0_LOW = 16;

    private SeccompFilter() {
    }

    private static Map<String, String> refused() {
        Map<String, String> refused = new LinkedHashMap<>();
        String inspect = "reading or changing other processes";
        refused.put("ptrace", inspect);
        refused.put("process_vm_readv", inspect);
        refused.put("process_vm_writev", inspect);
        String mounts = "changing mounts";
        for (String call : List.of("mount", "umount2", "pivot_root", "open_tree", "move_mount", "fsopen", "fsconfig",
                "fsmount", "fspick", "mount_setattr")) {
            refused.put(call, mounts);
        }
        refused.put("unshare", "new namespaces (user namespaces are the usual first step of kernel exploits)");
        refused.put("setns", "joining namespaces");
        String keys = "the kernel keyring";
        refused.put("keyctl", keys);
        refused.put("add_key", keys);
        refused.put("request_key", keys);
        refused.put("bpf", "loading programs into the kernel");
        refused.put("perf_event_open", "performance counters (side channels, a history of kernel bugs)");
        refused.put("userfaultfd", "stalling the kernel on page faults (a staple of race exploits)");
        String uring = "io_uring (bypasses syscall filtering, many kernel bugs)";
        refused.put("io_uring_setup", uring);
        refused.put("io_uring_enter", uring);
        refused.put("io_uring_register", uring);
        String kernel = "replacing or extending the kernel";
        for (String call : List.of("kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module")) {
            refused.put(call, kernel);
        }
        refused.put("personality", "turning off address-space randomisation and similar");
        String system = "host administration";
        for (String call : List.of("acct", "swapon", "swapoff", "reboot", "syslog")) {
            refused.put(call, system);
        }
        refused.put("open_by_handle_at", "opening files by handle, around the mount namespace");
        refused.put("iopl", "raw I/O ports (x86 only)");
        refused.put("ioperm", "raw I/O ports (x86 only)");
        return java.util.Collections.unmodifiableMap(refused);
    }

    /** The filter program for {@code arch}. */
    public static List<BpfInstruction> program(SeccompArch arch) {
        List<Integer> refusedNumbers = REFUSED.keySet().stream()
                .flatMap(call -> arch.number(call).stream()).toList();
        int clone = arch.number("clone").orElseThrow();
        int clone3 = arch.number("clone3").orElseThrow();

        // Layout: a head that checks the ABI, one JEQ per refused call, the clone checks, then three returns
        // (ALLOW, EPERM, ENOSYS) that every jump targets by forward offset.
        List<BpfInstruction> head = new ArrayList<>();
        head.add(load(OFFSET_ARCH));
        head.add(new BpfInstruction(BpfInstruction.JEQ_K, 1, 0, arch.auditArch()));
        head.add(ret(RET_KILL_PROCESS));
        head.add(load(OFFSET_NR));
        boolean x32 = arch.hasX32();
        int checks = (x32 ? 1 : 0) + refusedNumbers.size() + 4;
        int allow = head.size() + checks;
        int eperm = allow + 1;
        int enosys = allow + 2;
        List<BpfInstruction> program = new ArrayList<>(head);
        if (x32) {
            program.add(jump(BpfInstruction.JGE_K, SeccompArch.X32_SYSCALL_BIT, program.size(), enosys, -1));
        }
        for (int nr : refusedNumbers) {
            program.add(jump(BpfInstruction.JEQ_K, nr, program.size(), eperm, -1));
        }
        program.add(jump(BpfInstruction.JEQ_K, clone3, program.size(), enosys, -1));
        program.add(jump(BpfInstruction.JEQ_K, clone, program.size(), -1, allow));
        program.add(load(OFFSET_ARG0_LOW));
        program.add(jump(BpfInstruction.JSET_K, CLONE_NEW_FLAGS, program.size(), eperm, allow));
        if (program.size() != allow) {
            throw new IllegalStateException("filter layout is off: " + program.size() + " != " + allow);
        }
        program.add(ret(RET_ALLOW));
        program.add(ret(RET_ERRNO | EPERM));
        program.add(ret(RET_ERRNO | ENOSYS));
        return List.copyOf(program);
    }

    /** The program as bytes for bwrap. */
    public static byte[] bytes(SeccompArch arch) {
        return BpfInstruction.encode(program(arch));
    }

    private static BpfInstruction load(int offset) {
        return new BpfInstruction(BpfInstruction.LD_W_ABS, 0, 0, offset);
    }

    private static BpfInstruction ret(int value) {
        return new BpfInstruction(BpfInstruction.RET_K, 0, 0, value);
    }

    /** A conditional jump at {@code at} to absolute targets; -1 means "the next instruction". */
    private static BpfInstruction jump(int code, int k, int at, int whenTrue, int whenFalse) {
        int next = at + 1;
        return new BpfInstruction(code, whenTrue < 0 ? 0 : whenTrue - next, whenFalse < 0 ? 0 : whenFalse - next, k);
    }
}
