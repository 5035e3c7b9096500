package dev.dojo.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docker-compose.yml started for real, from the images this build made (the docker profile, on whenever a Docker
 * engine's socket exists): up, every container healthy, then what a user does through main — register, log in,
 * submit a correct answer and an endless loop — the API docs, and restarts of users and of PostgreSQL that must lose
 * nothing. {@code down -v} at the end, whatever happened. Without an engine it is reported as skipped, with why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeSmokeIT {

    private static final Path ROOT = Path.of(System.getProperty("dojo.root", "..")).toAbsolutePath().normalize();
    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(8);
    private static final List<String> SERVICES = List.of("postgres", "users", "eval", "swapper", "main");
    private static final String SUM = "def sum(x, y):\n    return x + y\n";
    private static final String ENDLESS = "def sum(x, y):\n    while True:\n        pass\n";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String project = "dojo-smoke-" + UUID.randomUUID().toString().substring(0, 8);
    private final String email = "smoke-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    private final String password = "correct horse battery";
    private List<String> compose;
    private String base;
    private boolean started;
    private String token;
    private long sumId;

    private String skipped;

    @BeforeAll
    void up() throws Exception {
        String engine = run(Duration.ofSeconds(30), List.of("docker", "info", "--format", "{{.ServerVersion}}"));
        if (engine == null) {
            skip("no Docker engine reachable (`docker info` failed)");
            return;
        }
        if (!Boolean.getBoolean("dojo.docker.images")) {
            skip("Docker engine " + engine.strip() + " reachable, but this build made no images (the docker profile"
                    + " is off: -DskipDocker, or no /var/run/docker.sock; -Pdocker turns it on)");
            return;
        }
        compose = run(Duration.ofSeconds(30), List.of("docker", "compose", "version")) != null
                ? new ArrayList<>(List.of("docker", "compose")) : new ArrayList<>(List.of("docker-compose"));
        compose.addAll(List.of("-f", ROOT.resolve("docker-compose.yml").toString(), "-p", project));
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        started = true;
        // Compose v1 waits here for each dependency to be healthy before it starts the next service
        compose(HEALTHY_WITHIN, "up", "-d");
        awaitHealthy();
    }

    /** One line on the console, and every test reported as skipped (not passed) with the reason. */
    private void skip(String reason) {
        skipped = "ComposeSmokeIT skipped: " + reason;
        System.out.println(skipped);
    }

    @BeforeEach
    void onlyWithAnEngine() {
        assumeTrue(skipped == null, skipped);
    }

    @AfterAll
    void down() throws Exception {
        if (started) {
            compose(Duration.ofMinutes(2), "down", "-v", "--remove-orphans");
        }
    }

    @Test
    @Order(1)
    void registersLogsInAndIsGraded() throws Exception {
        Map<String, Object> registered = call("POST", "/auth/register", null,
                Map.of("username", "smoke-user", "email", email, "password", password), 201);
        assertNotNull(registered.get("auth_token"), registered.toString());
        token = login();

        Map<String, Object> exercises = call("GET", "/exercises", token, null, 200);
        sumId = exercises(exercises).stream().filter(exercise -> "Sum".equals(exercise.get("title")))
                .map(exercise -> ((Number) exercise.get("id")).longValue()).findFirst()
                .orElseThrow(() -> new AssertionError("no demo exercise Sum: " + exercises));

        assertEquals("passed", submit(SUM).get("verdict"));
        assertEquals("timeout", submit(ENDLESS).get("verdict"));
        assertSolved(token);
    }

    @Test
    @Order(2)
    void servesTheApiDocs() throws Exception {
        HttpResponse<String> docs = send("GET", "/docs", null, null);
        assertEquals(200, docs.statusCode(), docs.body());
        assertTrue(docs.body().toLowerCase().contains("<html"), "not an HTML page: " + abbreviate(docs.body()));
    }

    @Test
    @Order(3)
    void usersRestartLosesNothing() throws Exception {
        assumeTrue(token != null, "needs the account of the first test");
        compose(HEALTHY_WITHIN, "restart", "users");
        awaitHealthy();
        // the signing key outlived the restart: a token issued before it still works
        assertSolved(token);
        token = login();
        assertSolved(token);
    }

    @Test
    @Order(4)
    void postgresRestartLosesNothingAndMainRecovers() throws Exception {
        assumeTrue(token != null, "needs the account of the first test");
        compose(HEALTHY_WITHIN, "restart", "postgres");
        awaitHealthy();
        long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
        HttpResponse<String> login;
        do {
            login = send("POST", "/auth/login", null, Map.of("email", email, "password", password));
            if (login.statusCode() == 200) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        } while (System.nanoTime() < deadline);
        assertEquals(200, login.statusCode(), "login after PostgreSQL's restart: " + login.body());
        token = login();
        assertSolved(token);
        assertEquals("passed", submit(SUM).get("verdict"));
    }

    private String login() throws Exception {
        Map<String, Object> body = call("POST", "/auth/login", null, Map.of("email", email, "password", password), 200);
        return (String) body.get("auth_token");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> submit(String code) throws Exception {
        Map<String, Object> body = call("POST", "/submissions", token, Map.of("exercise_id", sumId, "code", code), 201);
        return (Map<String, Object>) body.get("data");
    }

    @SuppressWarnings("unchecked")
    private void assertSolved(String bearer) throws Exception {
        Map<String, Object> body = call("GET", "/scores/user", bearer, null, 200);
        List<Map<String, Object>> scores = (List<Map<String, Object>>) ((Map<String, Object>) body.get("data")).get("scores");
        assertTrue(scores.stream().anyMatch(score -> ((Number) score.get("exercise_id")).longValue() == sumId
                && Boolean.TRUE.equals(score.get("solved"))), "Sum not solved in " + scores);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> exercises(Map<String, Object> body) {
        return (List<Map<String, Object>>) ((Map<String, Object>) body.get("data")).get("exercises");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String method, String path, String bearer, Map<String, Object> json, int expected)
            throws Exception {
        HttpResponse<String> response = send(method, path, bearer, json);
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + abbreviate(response.body()));
        return (Map<String, Object>) new Yaml().load(response.body());
    }

    private HttpResponse<String> send(String method, String path, String bearer, Map<String, Object> json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json(json)));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }

    /** Polls every container's Docker health status until all five are healthy; dumps the logs when not. */
    private void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
        String states = "";
        while (System.nanoTime() < deadline) {
            List<String> status = new ArrayList<>();
            for (String service : SERVICES) {
                String id = compose(Duration.ofSeconds(30), "ps", "-q", service).strip();
                String state = id.isEmpty() ? "missing" : run(Duration.ofSeconds(30),
                        List.of("docker", "inspect", "-f", "{{.State.Status}}/{{.State.Health.Status}}", id));
                status.add(service + "=" + (state == null ? "?" : state.strip()));
            }
            states = String.join(" ", status);
            if (status.stream().allMatch(entry -> entry.endsWith("running/healthy"))) {
                return;
            }
            TimeUnit.SECONDS.sleep(2);
        }
        String logs = compose(Duration.ofMinutes(1), "logs", "--no-color", "--tail", "40");
        fail("not healthy within " + HEALTHY_WITHIN + ": " + states + "\n" + logs);
    }

    private String compose(Duration timeout, String... args) throws Exception {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().put("DOJO_PORT", base.substring(base.lastIndexOf(':') + 1));
        builder.environment().put("DOJO_SEED_DEMO", "true");
        String output = run(builder, timeout);
        assertNotNull(output, String.join(" ", command) + " failed or timed out:\n" + lastOutput);
        return output;
    }

    private static String run(Duration timeout, List<String> command) throws Exception {
        return run(new ProcessBuilder(command), timeout);
    }

    private static String lastOutput = "";

    /** Output of a command, or null when it failed or did not finish in time (its output then in lastOutput). */
    private static String run(ProcessBuilder builder, Duration timeout) throws Exception {
        Path log = Files.createTempFile("compose-smoke", ".log");
        try {
            Process process;
            try {
                process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                lastOutput = e.toString();
                return null;
            }
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            lastOutput = Files.readString(log);
            return finished && process.exitValue() == 0 ? lastOutput : null;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** JSON of a flat map of strings and numbers: all the requests here send. */
    private static String json(Map<String, Object> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((key, value) -> {
            json.append(json.length() > 1 ? "," : "").append(quote(key)).append(':');
            json.append(value instanceof Number ? value.toString() : quote(String.valueOf(value)));
        });
        return json.append('}').toString();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
