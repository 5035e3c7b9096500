package dev.dojo.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bubblewrap installed but unusable (user namespaces disabled, or a container's seccomp profile refusing them):
 * {@code ./dojo} stops before building or starting anything, with bwrap's own reason in one line. The bwrap here
 * is a stand-in for the OS tool that fails the way a real one does on such a host.
 */
class UnusableBwrapTest {

    /** What Debian's bwrap 0.8 prints where it may not create a user namespace. */
    static final String BWRAP_REFUSAL = "bwrap: No permissions to create new namespace, likely because the kernel"
            + " does not allow non-privileged user namespaces.";

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    static Path unusableBwrap(Path dir) throws Exception {
        Path bwrap = dir.resolve("bwrap");
        // eval starts bwrap as the sandbox's unprivileged user: a JUnit temp dir (0700) would hide it from that user
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(bwrap, "#!/bin/sh\necho \"" + BWRAP_REFUSAL + "\" >&2\nexit 1\n");
        Files.setPosixFilePermissions(bwrap, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bwrap;
    }

    @Test
    void dojoNamesTheSandboxProblemInOneLineAndStartsNothing() throws Exception {
        Path bwrap = unusableBwrap(dir);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", REPO.resolve("dojo").toString(), "--random-ports")
                .directory(REPO.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.put("DOJO_SANDBOX_BWRAP", bwrap.toString());
        env.put("DOJO_NO_INSTALL", "true");
        env.put("DOJO_SANDBOX_PYTHON", "/bin/bash"); // only bwrap is at issue here, whatever this machine has
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "./dojo did not stop");
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);

        assertEquals(1, process.exitValue(), stdout + stderr);
        assertEquals(List.of("[prerequisites] bubblewrap cannot create a sandbox here: " + BWRAP_REFUSAL
                + " Enable unprivileged user namespaces"
                + " (docs/sandbox.md#what-the-host-or-container-must-provide)"), stderr.lines().toList());
        assertFalse(stdout.contains("ready"), stdout);
        assertFalse(stdout.contains("building"), stdout);
    }

    /** The launcher jar started without ./dojo reads the same problem from eval's readiness details. */
    @Test
    void readinessDetailsNameTheProblem() {
        String body = "{\"name\":\"eval\",\"status\":\"DOWN\",\"details\":{\"sandbox\":{\"name\":\"eval\","
                + "\"status\":\"DOWN\",\"details\":{\"detail\":\"sandbox unavailable: python probe run failed: "
                + "bwrap: \\\"no\\\" permissions\\n\"}},\"jdbc\":{\"status\":\"UP\"}}}";
        assertEquals(Optional.of("sandbox unavailable: python probe run failed: bwrap: \"no\" permissions "),
                ReadinessProbe.sandboxProblem(body));
        assertEquals(Optional.empty(), ReadinessProbe.sandboxProblem(
                "{\"status\":\"DOWN\",\"details\":{\"jdbc\":{\"status\":\"DOWN\",\"details\":{\"detail\":\"x\"}}}}"));
    }
}
