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
 * docker-compose.yml's promises, checked statically on every build (ComposeSmokeIT runs it where an engine is): it
 * parses, names only the images the build produces, publishes only main's port, gates every service on
 * healthchecks, keeps secrets out of the environment, seeds no demo data by default, confines eval with the
 * repository's seccomp profile, and passes `docker-compose config` (Compose v1) when that binary is installed.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("dojo.root", "..")).toAbsolutePath().normalize();
    private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    private static final Path DOCKER_COMPOSE = Path.of("/usr/bin/docker-compose");
    private static final Set<String> SERVICES = Set.of("users", "eval", "swapper", "main");
    private static Map<String, Map<String, Object>> services;
    /** With the services under profiles (zipkin, prometheus). */
    private static Map<String, Map<String, Object>> allServices;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
        allServices = services;
        // the optional tools under profiles (zipkin, prometheus: docs/observability.md) are checked by
        // ObservabilityProfileTest; the promises below are the platform's
        services = new java.util.LinkedHashMap<>(services);
        services.values().removeIf(service -> service.containsKey("profiles"));
    }

    @Test
    void namesOnlyImagesTheBuildProduces() {
        String version = System.getProperty("dojo.version");
        Set<String> expected = new TreeSet<>(List.of("dojo/postgres:" + version));
        SERVICES.forEach(name -> expected.add("dojo/" + name + ":" + version));
        Set<String> images = new TreeSet<>();
        services.values().forEach(service -> images.add(String.valueOf(service.get("image"))));
        assertEquals(expected, images);
    }

    @Test
    void onlyMainPublishesAPortAnd8080() {
        services.forEach((name, service) -> {
            if (name.equals("main")) {
                assertEquals(List.of("${DOJO_PORT:-8080}:8080"), service.get("ports"));
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
    @SuppressWarnings("unchecked")
    void secretsComeFromTheGeneratedVolumesNotTheEnvironment() {
        services.forEach((name, service) -> {
            Map<String, String> environment = (Map<String, String>) service.getOrDefault("environment", Map.of());
            environment.forEach((key, value) -> {
                boolean secret = key.contains("PASSWORD") || key.contains("PRIVATE_KEY");
                assertTrue(!secret || key.endsWith("_FILE"), name + " takes a secret from the environment: " + key);
            });
        });
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) services.get("postgres")
                .get("depends_on");
        assertEquals("service_completed_successfully", dependsOn.get("secrets").get("condition"));
        assertEquals(List.of("dojo-secrets"), services.get("secrets").get("entrypoint"));
        assertEquals(List.of("users-secrets:/secrets/users:ro"), services.get("users").get("volumes"));
        assertEquals(List.of("eval-secrets:/secrets/eval:ro"), services.get("eval").get("volumes"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void demoDataOnlyWhenAskedFor() {
        for (String name : List.of("users", "eval")) {
            Map<String, String> environment = (Map<String, String>) services.get(name).get("environment");
            assertEquals("${DOJO_SEED_DEMO:-false}", environment.get("DOJO_SEED_DEMO"), name);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void postgresIsHealthyOnlyOnceBothDatabasesTakeTheirRoles() throws IOException {
        Map<String, Object> healthcheck = (Map<String, Object>) services.get("postgres").get("healthcheck");
        assertEquals(List.of("CMD", "dojo-healthcheck"), healthcheck.get("test"));
        String script = Files.readString(ROOT.resolve("deploy/postgres/dojo-healthcheck.sh"));
        assertTrue(script.contains("for db in users eval") && script.contains("psql -h 127.0.0.1 -U \"$db\" -d \"$db\""),
                script);
    }

    @Test
    @SuppressWarnings("unchecked")
    void evalIsConfinedByTheRepositorySeccompProfile() {
        List<String> options = (List<String>) services.get("eval").get("security_opt");
        assertTrue(options.contains("seccomp=./deploy/seccomp/eval.json"), options.toString());
        assertTrue(options.contains("no-new-privileges:true"), options.toString());
        assertFalse(options.stream().anyMatch(option -> option.contains("seccomp=unconfined")
                || option.contains("systempaths")), options.toString());
        assertTrue(Files.isRegularFile(ROOT.resolve("deploy/seccomp/eval.json")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceSendsItsSpansToTheObserveProfilesZipkinOnlyWhenAskedTo() {
        Map<String, Object> zipkin = allServices.get("zipkin");
        assertEquals(List.of("observe"), zipkin.get("profiles"));
        assertEquals(List.of("127.0.0.1:9411:9411"), zipkin.get("ports"));
        for (String name : SERVICES) {
            // the names libs/common's tracing reads (the otel block of each application.yml)
            Map<String, String> environment = (Map<String, String>) services.get(name).get("environment");
            assertEquals("${OTEL_TRACES_EXPORTER:-none}", environment.get("OTEL_TRACES_EXPORTER"), name);
            assertEquals("http://zipkin:9411/api/v2/spans", environment.get("OTEL_EXPORTER_ZIPKIN_ENDPOINT"), name);
            assertEquals("${OTEL_TRACES_SAMPLER_ARG:-1.0}", environment.get("OTEL_TRACES_SAMPLER_ARG"), name);
        }
    }

    @Test
    void composeResolvesTheTracingSwitchForEveryService() throws IOException, InterruptedException {
        for (String exporter : List.of("zipkin", "none")) {
            String output = dockerCompose(exporter.equals("none") ? null : exporter, "config");
            assertEquals(SERVICES.size(), output.lines()
                    .filter(line -> line.trim().equals("OTEL_TRACES_EXPORTER: " + exporter)).count(), output);
        }
    }

    @Test
    void postgresInitScriptCreatesBothDatabases() throws IOException {
        String script = Files.readString(ROOT.resolve("deploy/postgres/init-databases.sh"));
        assertTrue(script.contains("create users "), script);
        assertTrue(script.contains("create eval "), script);
    }

    @Test
    void passesDockerComposeConfig() throws IOException, InterruptedException {
        dockerCompose(null, "config", "-q");
    }

    /**
     * Runs {@code docker-compose -f docker-compose.yml <args>} from the repository root, as docs/docker.md says
     * (Compose reads eval's seccomp profile relative to it), with OTEL_TRACES_EXPORTER set to {@code tracesExporter}
     * or unset; asserts exit 0 and returns the output.
     */
    private static String dockerCompose(String tracesExporter, String... args)
            throws IOException, InterruptedException {
        // the build's validate phase installs it (launcher/prerequisites.sh build); never a silent skip
        assertTrue(Files.isExecutable(DOCKER_COMPOSE),
                "docker-compose missing: apt-get install -y --no-install-recommends docker-compose");
        List<String> command = new java.util.ArrayList<>(List.of(DOCKER_COMPOSE.toString(), "-f", COMPOSE.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().remove("OTEL_TRACES_EXPORTER");
        if (tracesExporter != null) {
            builder.environment().put("OTEL_TRACES_EXPORTER", tracesExporter);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "docker-compose timed out");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
