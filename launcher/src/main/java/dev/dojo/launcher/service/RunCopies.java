package dev.dojo.launcher.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The jars the platform runs are copies, in {@code <data-dir>/jars}, of what Maven built: {@code ./mvnw package}
 * rewrites a service's jar where it lies, and a JVM running from that file then loads classes out of a different
 * archive (NoClassDefFoundError, broken pooled connections). With a copy a service can be rebuilt while the
 * platform runs; the next start picks the new jar up. A copy keeps the jar's modification time, so the AppCDS
 * archive named after it ({@link JvmFlags}) stays valid, and an unchanged jar is not copied again.
 */
public final class RunCopies {

    private RunCopies() {
    }

    /** The copy of {@code jar} in {@code dir}, refreshed if the built jar changed since it was made. */
    public static Path of(Path jar, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path copy = dir.resolve(jar.getFileName());
        if (!sameFile(jar, copy)) {
            // copied aside and renamed, so an interrupted copy never passes for a complete one
            Path partial = dir.resolve(jar.getFileName() + ".partial");
            Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return copy;
    }

    private static boolean sameFile(Path jar, Path copy) throws IOException {
        return Files.isRegularFile(copy) && Files.size(jar) == Files.size(copy)
                && Files.getLastModifiedTime(jar).equals(Files.getLastModifiedTime(copy));
    }
}
