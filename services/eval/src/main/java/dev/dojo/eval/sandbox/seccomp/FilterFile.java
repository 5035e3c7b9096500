package dev.dojo.eval.sandbox.seccomp;

import dev.dojo.eval.sandbox.SandboxUnavailableException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The filter for this machine's architecture, written to a file the trusted shell opens as bwrap's
 * {@code --seccomp} descriptor (Java cannot hand a child an extra descriptor). Rewritten if something removed it
 * (a /tmp cleaner), so a run never starts without it. No architecture without a filter: no grading.
 */
public final class FilterFile {

    private final SeccompArch arch;
    private Path path;

    private FilterFile(SeccompArch arch) {
        this.arch = arch;
    }

    public static FilterFile forArchitecture(String osArch) {
        return new FilterFile(SeccompArch.of(osArch).orElseThrow(() -> new SandboxUnavailableException(
                "no seccomp filter for architecture " + osArch + " (only x86-64 and aarch64); refusing to grade"
                        + " unfiltered")));
    }

    public SeccompArch arch() {
        return arch;
    }

    public synchronized Path path() {
        if (path == null || !Files.isReadable(path)) {
            path = write();
        }
        return path;
    }

    private Path write() {
        try {
            Path file = Files.createTempFile("dojo-seccomp-", ".bpf");
            Files.write(file, SeccompFilter.bytes(arch));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot write the seccomp filter: " + e.getMessage());
        }
    }
}
