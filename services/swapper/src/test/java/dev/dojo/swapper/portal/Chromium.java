package dev.dojo.swapper.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The installed headless Chromium (system property {@code dojo.chromium}, default /usr/bin/chromium): loads a page,
 * lets its scripts run for a virtual-time budget and returns the resulting DOM. Tests that need it fail with the
 * install command where it is missing (never skipped); it is never downloaded.
 */
final class Chromium {

    private static final Path BINARY = Path.of(System.getProperty("dojo.chromium", "/usr/bin/chromium"));

    private Chromium() {
    }

    /**
     * Fails, with one line naming the install command, when Chromium is missing: the README's test command installs
     * it first (launcher/prerequisites.sh in the validate phase), so a missing browser is a broken machine, and a
     * browser check must never be reported green without having run.
     */
    static void requireInstalled() {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("headless Chromium not found at " + BINARY
                    + ": install it with apt-get install -y --no-install-recommends chromium (or set -Ddojo.chromium=...)");
        }
    }

    static String dumpDom(String url) throws IOException, InterruptedException {
        requireInstalled();
        Path profile = Files.createTempDirectory("swapper-chromium");
        Path dom = profile.resolve("dom.html");
        try {
            Process process = new ProcessBuilder(List.of(BINARY.toString(),
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--virtual-time-budget=15000", "--dump-dom", url))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(dom.toFile())
                    .start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("Chromium did not finish loading " + url);
            }
            return Files.readString(dom, StandardCharsets.UTF_8);
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
