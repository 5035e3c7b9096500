package dev.dojo.launcher.database;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The PostgreSQL 16 binaries zonky publishes as a .txz inside a jar on our classpath, unpacked once per version
 * into the temp directory and shared by every launcher run (unpacking takes about a second).
 */
public final class PostgresBinaries {

    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";

    private PostgresBinaries() {
    }

    /** The unpacked installation directory (holding {@code bin/postgres}), unpacking it if needed. */
    public static Path install(String version) throws IOException {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "dojo-postgres-" + version);
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent(), "dojo-postgres-unpack-");
        try (InputStream raw = PostgresBinaries.class.getResourceAsStream(ARCHIVE)) {
            if (raw == null) {
                throw new IOException("PostgreSQL binaries " + ARCHIVE + " are not on the classpath");
            }
            unpack(new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(raw))), staging);
        }
        try {
            // atomic: a concurrent launcher either sees no directory or a complete one
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
            deleteTree(staging);
        }
        return target;
    }

    private static void unpack(TarArchiveInputStream tar, Path into) throws IOException {
        try (tar) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("archive entry escapes the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
