package dev.dojo.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * launcher/prerequisites.sh, which ./dojo and the build's validate phase run first, on a machine without
 * bubblewrap: a PATH with no bwrap (and eval's DOJO_SANDBOX_BWRAP pointing where there is none).
 */
class PrerequisitesTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** No apt-get (nor sudo) on PATH: one line with the exact install command, exit 1, nothing else. */
    @Test
    void withoutBwrapAndNoWayToInstallItStopsWithTheInstallCommand() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Result result = run(bin, List.of("bash", REPO.resolve("launcher/prerequisites.sh").toString(), "run"),
                Map.of());

        assertEquals(1, result.exit(), result::toString);
        assertEquals("", result.out(), result::toString);
        String sudo = isRoot() ? "" : "sudo ";
        assertEquals("[prerequisites] missing: bubblewrap. Install with: " + sudo
                + "apt-get install -y --no-install-recommends bubblewrap\n", result.err());
    }

    /** With apt-get (a stand-in that records its calls and "installs" bwrap): installs and says so in one line. */
    @Test
    void withoutBwrapWhereItMayInstallItInstallsAndSaysSo() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("mktemp", "tail", "rm", "cat")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
        }
        Path calls = dir.resolve("apt-get.calls");
        script(bin.resolve("apt-get"), "echo \"$*\" >> " + calls + "\n"
                + "if [ \"$1\" = install ]; then printf '#!/bin/sh\\n' > " + bin.resolve("bwrap")
                + " && /bin/chmod +x " + bin.resolve("bwrap") + "; fi\n");
        // passwordless sudo, for when the test does not run as root
        script(bin.resolve("sudo"), "[ \"$1\" = -n ] && shift\nexec \"$@\"\n");

        Result result = run(bin, List.of("bash", REPO.resolve("launcher/prerequisites.sh").toString(), "run"),
                Map.of());

        assertEquals(0, result.exit(), result::toString);
        assertEquals("[prerequisites] installing missing OS packages: bubblewrap (apt-get)\n", result.out());
        assertEquals("", result.err());
        assertEquals(List.of("update -qq", "install -y -qq --no-install-recommends bubblewrap"),
                Files.readAllLines(calls));
        assertTrue(Files.isExecutable(bin.resolve("bwrap")));
    }

    /** ./dojo itself: stops before building or starting anything, so it can never print "ready" without grading. */
    @Test
    void dojoStopsBeforeAnythingStartsWithoutBwrap() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Result result = run(bin, List.of("bash", REPO.resolve("dojo").toString(), "--random-ports"),
                Map.of("DOJO_NO_INSTALL", "true", "PATH", bin + ":" + System.getenv("PATH")));

        assertEquals(1, result.exit(), result::toString);
        assertTrue(result.err().contains("[prerequisites] missing: bubblewrap. Install with: "), result::toString);
        assertFalse(result.out().contains("ready"), result::toString);
        assertFalse(result.out().contains("building"), result::toString);
    }

    private Result run(Path bin, List<String> command, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        List<String> argv = new java.util.ArrayList<>(command);
        argv.set(0, "/bin/bash"); // the PATH below holds no bash
        ProcessBuilder builder = new ProcessBuilder(argv).directory(REPO.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", bin.toString());
        env.put("HOME", System.getProperty("user.home"));
        Path java = Path.of(System.getProperty("java.home"));
        env.put("JAVA_HOME", java.toString());
        // eval's own variable: where it runs bubblewrap from (default /usr/bin/bwrap)
        env.put("DOJO_SANDBOX_BWRAP", bin.resolve("bwrap").toString());
        // only bubblewrap is missing here, whatever this machine has: python3 stands in as any executable
        env.put("DOJO_SANDBOX_PYTHON", "/bin/bash");
        env.putAll(new HashMap<>(extraEnv));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the check did not finish");
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void script(Path path, String body) throws IOException {
        Files.writeString(path, "#!/bin/bash\n" + body);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private record Result(int exit, String out, String err) {
    }
}
