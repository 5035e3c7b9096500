package dev.dojo.launcher;

import dev.dojo.testing.process.ChildProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher jar run as a real subprocess, the way {@code ./dojo} and the e2e tests run it (a {@link ChildProcess}:
 * output kept, and copied to target/launcher-it/ for diagnosis).
 */
final class LauncherProcess extends ChildProcess {

    static final Pattern READY = Pattern.compile("^Dojo is ready at (http://localhost:(\\d+))$");
    /** The banner's last line: the ready line comes first, so a test reading the banner waits for this one. */
    static final Pattern BANNER_END = Pattern.compile("^Press Ctrl-C to stop\\.$");

    static LauncherProcess start(String testName, String... args) throws IOException {
        String jar = System.getProperty("dojo.launcher.jar", "target/dojo-launcher-" + Version.PROJECT + ".jar");
        String home = System.getProperty("dojo.home", "..");
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar, "--home", home));
        command.addAll(List.of(args));
        Path log = Path.of("target", "launcher-it", testName + ".log");
        Files.createDirectories(log.getParent());
        return new LauncherProcess(command, log);
    }

    private LauncherProcess(List<String> command, Path log) throws IOException {
        super(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
    }

    /** A whole platform on random ports with its data in {@code dataDir}, once its whole banner is out (or fails). */
    static LauncherProcess startPlatform(String testName, Path dataDir, Duration within, String... args)
            throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--random-ports", "--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        LauncherProcess launcher = start(testName, all.toArray(String[]::new));
        launcher.ready = launcher.awaitLine(READY, within)
                .orElseThrow(() -> new AssertionError("no ready line; output:\n" + launcher.output()));
        launcher.awaitLine(BANNER_END, Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("banner not finished; output:\n" + launcher.output()));
        return launcher;
    }

    private Matcher ready;

    /** The base URL from the ready line of {@link #startPlatform}. */
    String base() {
        return ready.group(1);
    }

    /** Stops the launcher (if any) and removes its data directory (if any): a platform test's clean-up. */
    static void cleanUp(LauncherProcess launcher, Path dataDir) {
        if (launcher != null) {
            launcher.close();
        }
        if (dataDir != null) {
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
