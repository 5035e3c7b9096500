package dev.dojo.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The local state of the platform (database cluster, signing key, CDS archives, pid list). A marker file tells
 * {@code --reset} the directory is ours: it never deletes a directory someone pointed it at by mistake.
 */
final class DataDirectory {

    static final String MARKER = ".dojo-data-dir";

    private DataDirectory() {
    }

    static void prepare(Path dir, boolean reset, Console console) {
        try {
            if (reset && Files.exists(dir)) {
                boolean ours = Files.exists(dir.resolve(MARKER));
                boolean empty;
                try (Stream<Path> entries = Files.list(dir)) {
                    empty = entries.findAny().isEmpty();
                }
                if (!ours && !empty) {
                    throw new LaunchFailure(LaunchFailure.USAGE, "Refusing to reset " + dir + ": it is not a Dojo"
                            + " data directory (no " + MARKER + " file in it)");
                }
                // a still-running platform on this directory must not lose its files under it
                new dev.dojo.launcher.process.PidFile(dir).reapLeftovers(console);
                deleteTree(dir);
                console.info("reset: deleted " + dir);
            }
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve(MARKER))) {
                Files.writeString(dir.resolve(MARKER), "Local data of ./dojo (PostgreSQL cluster, JWT key)."
                        + " Delete with ./dojo --reset.\n");
            }
        } catch (IOException e) {
            throw new LaunchFailure(LaunchFailure.USAGE, "Cannot use data directory " + dir + ": " + e, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
