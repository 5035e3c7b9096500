package dev.dojo.eval.sandbox.seccomp;

import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;

/**
 * The architectures the filter is written for, with their audit arch constant and the numbers of the calls it
 * refuses (from the kernel's {@code asm/unistd_64.h} and {@code asm-generic/unistd.h}). Syscall numbers differ per
 * architecture, so a filter for one is useless on another: on any other architecture the sandbox refuses to grade.
 */
public enum SeccompArch {

    X86_64(0xC000003E, true, Map.ofEntries(
            entry("ptrace", 101), entry("process_vm_readv", 310), entry("process_vm_writev", 311),
            entry("mount", 165), entry("umount2", 166), entry("pivot_root", 155),
            entry("open_tree", 428), entry("move_mount", 429), entry("fsopen", 430), entry("fsconfig", 431),
            entry("fsmount", 432), entry("fspick", 433), entry("mount_setattr", 442),
            entry("unshare", 272), entry("setns", 308), entry("clone", 56), entry("clone3", 435),
            entry("keyctl", 250), entry("add_key", 248), entry("request_key", 249),
            entry("bpf", 321), entry("perf_event_open", 298), entry("userfaultfd", 323),
            entry("io_uring_setup", 425), entry("io_uring_enter", 426), entry("io_uring_register", 427),
            entry("kexec_load", 246), entry("kexec_file_load", 320),
            entry("init_module", 175), entry("finit_module", 313), entry("delete_module", 176),
            entry("personality", 135), entry("acct", 163), entry("swapon", 167), entry("swapoff", 168),
            entry("reboot", 169), entry("open_by_handle_at", 304), entry("syslog", 103),
            entry("iopl", 172), entry("ioperm", 173))),

    AARCH64(0xC00000B7, false, Map.ofEntries(
            entry("ptrace", 117), entry("process_vm_readv", 270), entry("process_vm_writev", 271),
            entry("mount", 40), entry("umount2", 39), entry("pivot_root", 41),
            entry("open_tree", 428), entry("move_mount", 429), entry("fsopen", 430), entry("fsconfig", 431),
            entry("fsmount", 432), entry("fspick", 433), entry("mount_setattr", 442),
            entry("unshare", 97), entry("setns", 268), entry("clone", 220), entry("clone3", 435),
            entry("keyctl", 219), entry("add_key", 217), entry("request_key", 218),
            entry("bpf", 280), entry("perf_event_open", 241), entry("userfaultfd", 282),
            entry("io_uring_setup", 425), entry("io_uring_enter", 426), entry("io_uring_register", 427),
            entry("kexec_load", 104), entry("kexec_file_load", 294),
            entry("init_module", 105), entry("finit_module", 273), entry("delete_module", 106),
            entry("personality", 92), entry("acct", 89), entry("swapon", 224), entry("swapoff", 225),
            entry("reboot", 142), entry("open_by_handle_at", 265), entry("syslog", 116)));

    /** x86-64 numbers with this bit set are the x32 ABI: same arch value, different table. */
    public static final int X32_SYSCALL_BIT = 0x40000000;

    private final int auditArch;
    private final boolean hasX32;
    private final Map<String, Integer> syscalls;

    SeccompArch(int auditArch, boolean hasX32, Map<String, Integer> syscalls) {
        this.auditArch = auditArch;
        this.hasX32 = hasX32;
        this.syscalls = syscalls;
    }

    /** {@code AUDIT_ARCH_*}: what the kernel puts in {@code seccomp_data.arch} for this ABI. */
    public int auditArch() {
        return auditArch;
    }

    public boolean hasX32() {
        return hasX32;
    }

    /** Number of a syscall the filter names; absent when the architecture has no such call (iopl on arm64). */
    public Optional<Integer> number(String syscall) {
        return Optional.ofNullable(syscalls.get(syscall));
    }

    /** The architecture of this JVM (and so of the python it starts, which must match), if there is a filter for it. */
    public static Optional<SeccompArch> of(String osArch) {
        return switch (osArch) {
            case "amd64", "x86_64" -> Optional.of(X86_64);
            case "aarch64", "arm64" -> Optional.of(AARCH64);
            default -> Optional.empty();
        };
    }
}
