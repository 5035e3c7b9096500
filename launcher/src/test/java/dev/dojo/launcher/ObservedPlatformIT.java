package dev.dojo.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./dojo --observe}: the real Zipkin server next to the platform. One request through main is read back
 * from Zipkin's API as one trace with spans from main and from the service behind it — for a submission, the
 * sandbox run as its own span carrying the verdict. Zipkin and the platform start once for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservedPlatformIT {

    private static final Pattern ZIPKIN =
            Pattern.compile("^Traces \\(Zipkin UI\\): (http://localhost:(\\d+))/zipkin/$");
    private static final Pattern METRICS =
            Pattern.compile("^Metrics: main (\\S+), users (\\S+), eval (\\S+), swapper (\\S+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LauncherProcess launcher;
    private Path dataDir;
    private String base;
    private String zipkin;
    private Matcher metrics;

    @BeforeAll
    void startPlatform() throws Exception {
        dataDir = Files.createTempDirectory("dojo-observe-it");
        launcher = LauncherProcess.startPlatform("ObservedPlatformIT", dataDir, Duration.ofSeconds(240), "--observe");
        base = launcher.base();
        zipkin = launcher.awaitLine(ZIPKIN, Duration.ofSeconds(5))
                .orElseThrow(() -> new AssertionError("no Zipkin line; output:\n" + launcher.output())).group(1)
                .replace("localhost", "127.0.0.1");
        metrics = launcher.awaitLine(METRICS, Duration.ofSeconds(5))
                .orElseThrow(() -> new AssertionError("no metrics line; output:\n" + launcher.output()));
    }

    @AfterAll
    void cleanUp() throws Exception {
        LauncherProcess.cleanUp(launcher, dataDir);
    }

    @Test
    void aSubmissionsTraceHoldsMainEvalAndTheSandboxRunWithItsVerdict() throws Exception {
        String token = call("POST", "/auth/login", Map.of("email", "michael@realpython.com", "password", "test"),
                null, null, 200).path("auth_token").asText();
        long sum = 0;
        for (JsonNode exercise : call("GET", "/exercises", null, token, null, 200).path("data").path("exercises")) {
            if ("Sum".equals(exercise.path("title").asText())) {
                sum = exercise.path("id").asLong();
            }
        }
        assertTrue(sum > 0, "the seeded Sum exercise");

        String traceId = newTraceId();
        call("POST", "/submissions", Map.of("exercise_id", sum, "code", "def sum(x, y):\n    return x * y\n"),
                token, traceId, 201);

        JsonNode spans = awaitTrace(traceId, trace -> services(trace).containsAll(Set.of("main", "eval"))
                && find(trace, "sandbox run") != null);
        JsonNode sandbox = find(spans, "sandbox run");
        assertEquals("failed", sandbox.path("tags").path("dojo.verdict").asText(), sandbox.toString());
        assertEquals("eval", sandbox.path("localEndpoint").path("serviceName").asText());
        JsonNode grade = find(spans, "grade");
        assertEquals(grade.path("id").asText(), sandbox.path("parentId").asText(), "the run nests in its grading");
        for (JsonNode span : spans) {
            assertEquals(traceId, span.path("traceId").asText(), "one trace, the caller's traceparent continued");
        }
    }

    @Test
    void aLoginsTraceHoldsMainUsersAndTheirDatabaseStatements() throws Exception {
        String traceId = newTraceId();
        call("POST", "/auth/login", Map.of("email", "michael@realpython.com", "password", "test"), null, traceId,
                200);
        JsonNode spans = awaitTrace(traceId, trace -> services(trace).containsAll(Set.of("main", "users"))
                && hasDatabaseSpan(trace));
        assertTrue(hasDatabaseSpan(spans), spans.toString());
    }

    @Test
    void prometheusScrapesAllFourServicesWithTheComposeScrapeConfig() throws Exception {
        Path prometheus = Path.of("/usr/bin/prometheus");
        // the build's validate phase installs it (launcher/prerequisites.sh build); never a silent skip
        assertTrue(Files.isExecutable(prometheus),
                "prometheus missing: apt-get install -y --no-install-recommends prometheus");
        // deploy/prometheus/prometheus-compose.yml with this run's addresses for the compose host names
        String config = Files.readString(Path.of(System.getProperty("dojo.home", ".."),
                "deploy/prometheus/prometheus-compose.yml"));
        String[] services = {"main:8090", "users:8081", "eval:8082", "swapper:8083"};
        for (int i = 0; i < services.length; i++) {
            URI url = URI.create(metrics.group(i + 1));
            assertEquals("/prometheus", url.getPath());
            assertTrue(config.contains("\"" + services[i] + "\""), services[i]);
            config = config.replace("\"" + services[i] + "\"", "\"127.0.0.1:" + url.getPort() + "\"")
                    .replace("scrape_interval: 15s", "scrape_interval: 1s").replace("scrape_timeout: 5s",
                            "scrape_timeout: 1s");
        }
        Path dir = Files.createTempDirectory(dataDir, "prometheus");
        Files.writeString(dir.resolve("prometheus.yml"), config);
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process server = new ProcessBuilder(prometheus.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            JsonNode up = null;
            while (System.nanoTime() < deadline) {
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + port + "/api/v1/query?query=up")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    up = JSON.readTree(response.body()).path("data").path("result");
                    Set<String> healthy = new HashSet<>();
                    up.forEach(series -> {
                        if ("1".equals(series.path("value").path(1).asText())) {
                            healthy.add(series.path("metric").path("service").asText());
                        }
                    });
                    if (healthy.equals(Set.of("main", "users", "eval", "swapper"))) {
                        return;
                    }
                } catch (java.io.IOException notYet) {
                    // Prometheus still starting
                }
                Thread.sleep(500);
            }
            throw new AssertionError("not every service scraped: " + up + "\n"
                    + Files.readString(dir.resolve("prometheus.log")));
        } finally {
            server.destroy();
            server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static boolean hasDatabaseSpan(JsonNode trace) {
        for (JsonNode span : trace) {
            if ("users".equals(span.path("localEndpoint").path("serviceName").asText())
                    && span.path("tags").has("db.system")) {
                return true;
            }
        }
        return false;
    }

    private JsonNode awaitTrace(String traceId, Predicate<JsonNode> complete) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(zipkin + "/api/v2/trace/" + traceId)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                last = JSON.readTree(response.body());
                if (complete.test(last)) {
                    return last;
                }
            }
            // spans arrive in batches (the exporter flushes every few seconds): poll
            Thread.sleep(500);
        }
        throw new AssertionError("trace " + traceId + " incomplete in Zipkin: " + last);
    }

    private static Set<String> services(JsonNode trace) {
        Set<String> names = new HashSet<>();
        trace.forEach(span -> names.add(span.path("localEndpoint").path("serviceName").asText()));
        return names;
    }

    private static JsonNode find(JsonNode trace, String name) {
        for (JsonNode span : trace) {
            if (name.equals(span.path("name").asText())) {
                return span;
            }
        }
        return null;
    }

    private static String newTraceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }

    private JsonNode call(String method, String path, Object body, String bearer, String traceId, int expected)
            throws Exception {
        return new PlatformCalls(http, base).call(method, path, body, bearer, traceId, expected);
    }
}
