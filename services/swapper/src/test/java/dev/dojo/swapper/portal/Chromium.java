package dev.dojo.swapper.portal;

import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * lets its scripts run for a virtual-time budget and returns the resulting DOM. Tests that need it are skipped,
 * with one log line, where it is not installed; it is never downloaded.
 */
final class Chromium {

    private static final Logger LOG = LoggerFactory.getLogger(Chromium.class);
    private static final Path BINARY = Path.of(System.getProperty("dojo.chromium", "/usr/bin/chromium"));

    private Chromium() {
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(isInstalled(), "Chromium not installed at " + BINARY);
    }

    /** Whether Chromium is there; logs the one line saying a browser check is skipped when it is not. */
    static boolean isInstalled() {
        boolean installed = Files.isExecutable(BINARY);
        if (!installed) {
            LOG.warn("SKIPPED browser check: headless Chromium not found at {} (set -Ddojo.chromium=...)", BINARY);
        }
        return installed;
    }

    static String dumpDom(String url) throws IOException, InterruptedException {
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
