package dev.dojo.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml can't be started here (no Docker engine), so its promises are checked statically: it parses,
 * names only the images the build produces plus the official PostgreSQL, publishes only main's port, gates every
 * service on healthchecks, and passes `docker-compose config` when that binary is installed.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("dojo.root", "..")).toAbsolutePath().normalize();
    private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    private static final Set<String> SERVICES = Set.of("users", "eval", "swapper", "main");
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
        // the optional tools under profiles (zipkin, prometheus: docs/observability.md) are checked by
        // ObservabilityProfileTest; the promises below are the platform's
        services = new java.util.LinkedHashMap<>(services);
        services.values().removeIf(service -> service.containsKey("profiles"));
    }

    @Test
    void namesOnlyImagesTheBuildProducesPlusPostgres() {
        String version = System.getProperty("dojo.version");
        Set<String> expected = new TreeSet<>(List.of("postgres:16"));
        SERVICES.forEach(name -> expected.add("dojo/" + name + ":" + version));
        Set<String> images = new TreeSet<>();
        services.values().forEach(service -> images.add(String.valueOf(service.get("image"))));
        assertEquals(expected, images);
    }

    @Test
    void onlyMainPublishesAPortAnd8080() {
        services.forEach((name, service) -> {
            if (name.equals("main")) {
                assertEquals(List.of("8080:8080"), service.get("ports"));
            } else {
                assertFalse(service.containsKey("ports"), name + " must not publish a port");
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceIsHealthCheckedOnReadinessAndWaitsForHealthyDependencies() {
        for (String name : SERVICES) {
            Map<String, Object> service = services.get(name);
            Map<String, Object> healthcheck = (Map<String, Object>) service.get("healthcheck");
            assertNotNull(healthcheck, name + " has no healthcheck");
            assertTrue(String.valueOf(healthcheck.get("test")).contains("/health/readiness"), name);
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
            assertNotNull(dependsOn, name + " has no depends_on");
            dependsOn.forEach((dependency, condition) ->
                    assertEquals("service_healthy", condition.get("condition"), name + " → " + dependency));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyConnectionIsNamedByAnEnvironmentVariable() {
        Map<String, String> users = (Map<String, String>) services.get("users").get("environment");
        Map<String, String> eval = (Map<String, String>) services.get("eval").get("environment");
        Map<String, String> main = (Map<String, String>) services.get("main").get("environment");
        assertTrue(users.get("DATASOURCES_DEFAULT_URL").endsWith("/users"));
        assertTrue(eval.get("DATASOURCES_DEFAULT_URL").endsWith("/eval"));
        assertEquals("http://users:8081/keys", eval.get("DOJO_USERS_JWKS_URL"));
        assertEquals(Set.of("DOJO_USERS_URL", "DOJO_EVAL_URL", "DOJO_SWAPPER_URL"),
                new TreeSet<>(main.keySet().stream().filter(key -> key.endsWith("_URL")).toList()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void evalGetsWhatItsSandboxNeedsAndNothingMore() {
        Map<String, Object> eval = services.get("eval");
        assertEquals(Boolean.TRUE, eval.get("init"), "orphaned sandbox processes need a reaper as PID 1");
        assertEquals("off", ((Map<String, String>) eval.get("environment")).get("DOJO_SANDBOX_CGROUP"));
        assertNotNull(eval.get("mem_limit"));
        assertNotNull(eval.get("pids_limit"));
        assertEquals(List.of("ALL"), eval.get("cap_drop"));
        assertFalse(eval.containsKey("cap_add"), "the sandbox needs no capability");
        assertFalse(eval.containsKey("privileged"));
    }

    @Test
    void postgresInitScriptCreatesBothDatabases() throws IOException {
        String script = Files.readString(ROOT.resolve("deploy/postgres/init-databases.sh"));
        assertTrue(script.contains("create users "), script);
        assertTrue(script.contains("create eval "), script);
    }

    @Test
    void passesDockerComposeConfigWhenInstalled() throws IOException, InterruptedException {
        Path binary = Path.of("/usr/bin/docker-compose");
        if (!Files.isExecutable(binary)) {
            System.out.println("ComposeFileTest: docker-compose not installed; schema check skipped");
            return;
        }
        Process process = new ProcessBuilder(binary.toString(), "-f", COMPOSE.toString(), "config", "-q")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "docker-compose config timed out");
        assertEquals(0, process.exitValue(), output);
    }
}
