package dev.dojo.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform as a newcomer gets it: the launcher jar started like {@code ./dojo} (free ports, a fresh data dir),
 * one user's whole journey through main over HTTP, then SIGTERM — and nothing may be left running or listening.
 * The steps run in order on one platform (starting it is the expensive part).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformFlowIT {

    private static final Pattern PORTS = Pattern.compile("\\[launcher] ports: (.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String email = "it-" + UUID.randomUUID().toString().substring(0, 8) + "@dojo.dev";
    private final String password = "a-long-enough-password";
    private LauncherProcess launcher;
    private Path dataDir;
    private String base;
    private List<Integer> ports;
    private String token;
    private long sumExerciseId;

    @BeforeAll
    void startPlatform() throws Exception {
        dataDir = Files.createTempDirectory("dojo-it-data");
        launcher = LauncherProcess.startPlatform("PlatformFlowIT", dataDir, Duration.ofSeconds(180));
        base = launcher.base();
        Matcher planned = launcher.awaitLine(PORTS, Duration.ofSeconds(1)).orElseThrow();
        ports = new ArrayList<>();
        for (String entry : planned.group(1).split(", ")) {
            ports.add(Integer.parseInt(entry.substring(entry.indexOf(' ') + 1)));
        }
    }

    @AfterAll
    void cleanUp() throws IOException {
        LauncherProcess.cleanUp(launcher, dataDir);
    }

    @Test
    @Order(1)
    void printsUrlDocsAndDemoCredentials() {
        String output = launcher.output();
        assertTrue(output.contains("API docs: " + base + "/docs"), output);
        assertTrue(output.contains("admin@dojo.dev / dojo-admin-password"), output);
        assertTrue(output.contains("michael@realpython.com / test"), output);
        assertTrue(output.lines().anyMatch(l -> l.startsWith("[users] ") || l.startsWith("[postgres] ")),
                "child output is streamed with a prefix");
    }

    @Test
    @Order(2)
    void registersThroughMain() throws Exception {
        JsonNode body = call("POST", "/auth/register", Map.of("username", "it" + email.substring(3, 11),
                "email", email, "password", password), null, 201);
        assertEquals("success", body.path("status").asText(), body.toString());
        assertFalse(body.path("auth_token").asText().isEmpty(), body.toString());
    }

    @Test
    @Order(3)
    void logsIn() throws Exception {
        JsonNode body = call("POST", "/auth/login", Map.of("email", email, "password", password), null, 200);
        token = body.path("auth_token").asText();
        assertFalse(token.isEmpty(), body.toString());
    }

    @Test
    @Order(4)
    void listsTheSeededExercises() throws Exception {
        JsonNode exercises = call("GET", "/exercises", null, token, 200).path("data").path("exercises");
        assertTrue(exercises.size() >= 3, "seeded exercises: " + exercises);
        for (JsonNode exercise : exercises) {
            if ("Sum".equals(exercise.path("title").asText())) {
                sumExerciseId = exercise.path("id").asLong();
            }
        }
        assertTrue(sumExerciseId > 0, "the seeded Sum exercise: " + exercises);
    }

    @Test
    @Order(5)
    void gradesACorrectSolution() throws Exception {
        assertNotNull(token, "logged in");
        JsonNode submission = call("POST", "/submissions", Map.of("exercise_id", sumExerciseId,
                "code", "def sum(x, y):\n    return x + y\n"), token, 201).path("data");
        assertTrue(submission.path("passed").asBoolean(), submission.toString());
    }

    @Test
    @Order(6)
    void theScoreShowsItSolved() throws Exception {
        JsonNode scores = call("GET", "/scores/user", null, token, 200).path("data").path("scores");
        boolean solved = false;
        for (JsonNode score : scores) {
            solved |= score.path("exercise_id").asLong() == sumExerciseId && score.path("solved").asBoolean();
        }
        assertTrue(solved, "scores: " + scores);
    }

    @Test
    @Order(7)
    void docsPortalListsEveryService() throws Exception {
        HttpResponse<String> portal = get("/docs");
        assertEquals(200, portal.statusCode(), portal.body());
        assertTrue(portal.body().contains("swagger-ui"), portal.body());
        // the list the portal page renders (portal.js reads it), with each service's spec fetched through main
        JsonNode services = call("GET", "/docs/services", null, null, 200).path("data").path("services");
        for (String name : List.of("users", "eval", "main", "swapper")) {
            JsonNode entry = null;
            for (JsonNode service : services) {
                if (name.equals(service.path("name").asText())) {
                    entry = service;
                }
            }
            assertNotNull(entry, name + " listed: " + services);
            HttpResponse<String> spec = get(entry.path("specUrl").asText());
            assertEquals(200, spec.statusCode(), name + " spec: " + spec.body());
            assertTrue(spec.body().contains("openapi"), name + " spec: " + spec.body());
        }
    }

    @Test
    @Order(8)
    void sigtermStopsEverythingAndFreesEveryPort() throws Exception {
        List<ProcessHandle> children = launcher.descendants();
        assertTrue(children.size() >= 5, "four services and PostgreSQL run below the launcher: " + children);
        int exit = launcher.stop(Duration.ofSeconds(60));
        assertEquals(143, exit, "the JVM's exit code after SIGTERM");
        for (ProcessHandle child : children) {
            child.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "left running: " + child.pid() + " " + child.info().commandLine());
        }
        for (int port : ports) {
            assertFalse(listening(port), "port " + port + " still listening");
        }
        assertTrue(launcher.output().contains("[launcher] stopped in "), launcher.output());
        assertTrue(launcher.output().contains("[launcher] eval stopped after "), launcher.output());
        assertFalse(Files.exists(dataDir.resolve("run/pids")), "the pid list is cleared on a clean stop");
    }

    private JsonNode call(String method, String path, Object body, String bearer, int expected) throws Exception {
        return new PlatformCalls(http, base).call(method, path, body, bearer, null, expected);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
