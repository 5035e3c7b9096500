package dev.dojo.launcher.service;

import dev.dojo.launcher.Service;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * JVM flags for a service process. The defaults trade peak throughput for start time and footprint, which is what
 * a laptop running five processes wants; bench/platform/RESULTS.md holds the measurements behind each flag.
 * A per-service AppCDS archive lives in {@code <data-dir>/cds}: the first run writes it at exit, later runs map it.
 * It is named after the jar's size and modification time, so a rebuilt jar gets a fresh archive.
 */
public final class JvmFlags {

    /** Measured in bench/platform: C1 only and the serial GC start faster and stay smaller at idle. */
    public static final List<String> DEFAULTS = List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-Xmx256m",
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:+ExitOnOutOfMemoryError");

    private JvmFlags() {
    }

    public static List<String> forService(Service service, Path jar, Path dataDir, Optional<String> userFlags) {
        List<String> flags = new ArrayList<>();
        if (userFlags.isPresent()) {
            flags.addAll(Arrays.stream(userFlags.get().trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
            return flags;
        }
        flags.addAll(defaultsFor(service));
        flags.addAll(classDataSharing(service, jar, dataDir.resolve("cds")));
        return flags;
    }

    /**
     * main handles every request of the platform: under C1 alone it spent 2.5× the CPU per proxied request
     * (docs/adr/0031), so it keeps the full tiered compiler and pays a little start time for it.
     */
    static List<String> defaultsFor(Service service) {
        return service == Service.MAIN
                ? DEFAULTS.stream().filter(flag -> !flag.startsWith("-XX:TieredStopAtLevel")).toList()
                : DEFAULTS;
    }

    private static List<String> classDataSharing(Service service, Path jar, Path cdsDir) {
        try {
            Files.createDirectories(cdsDir);
            String stamp = Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
            Path archive = cdsDir.resolve(service.id() + "-" + stamp + ".jsa");
            if (Files.exists(archive)) {
                return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off");
            }
            deleteOlder(cdsDir, service);
            return List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void deleteOlder(Path cdsDir, Service service) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(cdsDir, service.id() + "-*.jsa")) {
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        }
    }
}
