package dev.dojo.launcher.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RunCopiesTest {

    @TempDir
    Path temp;

    @Test
    void theCopyOutlivesARebuildOfTheJarAndTheNextStartTakesTheNewOne() throws Exception {
        Path built = temp.resolve("target/dojo-users-1.jar");
        Files.createDirectories(built.getParent());
        Files.write(built, new byte[]{1, 2, 3});
        Files.setLastModifiedTime(built, FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
        Path jars = temp.resolve("data/jars");

        Path copy = RunCopies.of(built, jars);
        assertEquals(jars.resolve("dojo-users-1.jar"), copy);
        assertArrayEquals(new byte[]{1, 2, 3}, Files.readAllBytes(copy));
        // the AppCDS archive is named after size and time: the copy must carry the jar's
        assertEquals(Files.getLastModifiedTime(built), Files.getLastModifiedTime(copy));

        // a rebuild rewrites the jar in place: the running copy is untouched
        Files.write(built, new byte[]{9, 9, 9, 9});
        assertArrayEquals(new byte[]{1, 2, 3}, Files.readAllBytes(copy));

        Path next = RunCopies.of(built, jars);
        assertArrayEquals(new byte[]{9, 9, 9, 9}, Files.readAllBytes(next));
        assertFalse(Files.exists(jars.resolve("dojo-users-1.jar.partial")));
    }

    @Test
    void anUnchangedJarIsNotCopiedAgain() throws Exception {
        Path built = temp.resolve("dojo-eval-1.jar");
        Files.write(built, new byte[]{1});
        Path jars = temp.resolve("jars");
        Path copy = RunCopies.of(built, jars);
        // a marker only a second copy would erase: same size and time, other content
        Files.write(copy, new byte[]{7});
        Files.setLastModifiedTime(copy, Files.getLastModifiedTime(built));

        RunCopies.of(built, jars);
        assertArrayEquals(new byte[]{7}, Files.readAllBytes(copy));

        Files.setLastModifiedTime(built, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        RunCopies.of(built, jars);
        assertNotEquals(7, Files.readAllBytes(copy)[0]);
    }
}
