package dev.dojo.main.proxy.fast;

import dev.dojo.main.FakeService;
import dev.dojo.main.Http;
import dev.dojo.main.RawService;
import dev.dojo.main.Transports;
import dev.dojo.testing.FreePort;
import io.micronaut.http.netty.channel.EventLoopGroupRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast lane against real downstreams: which requests it takes ({@link FastLane#exchanges()} counts them) and
 * that it answers them right, including what only shows on a raw connection (keep-alive, pipelining, HTTP/1.0) and
 * services that misbehave at the connection level ({@link RawService} on {@code /flaky}). {@code /down} is a
 * service nothing listens for. It runs on the transport application.yml picks (io_uring where the kernel allows it);
 * {@link EpollFastLaneTest} runs it again on epoll, the fallback.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FastLaneTest implements TestPropertyProvider {

    private static final String ORIGIN = "http://localhost:5173";
    private static final String PONG = "{\"status\":\"success\",\"message\":\"pong!\"}";

    private final FakeService users = FakeService.start("users");
    private final FakeService eval = FakeService.start("eval");
    private final FakeService swapper = FakeService.start("swapper");
    private final RawService flaky = RawService.start();
    private final int downPort = FreePort.next();

    @Inject
    EmbeddedServer server;

    @Inject
    FastLane lane;

    @Inject
    EventLoopGroupRegistry loops;

    /** The transport this run pins main to; {@code null}: application.yml's choice. */
    String pinnedTransport() {
        return null;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        if (pinnedTransport() != null) {
            properties.putAll(Transports.pinnedTo(pinnedTransport()));
        }
        properties.put("dojo.routes.users.url", users.url());
        properties.put("dojo.routes.eval.url", eval.url());
        properties.put("dojo.routes.swapper.url", swapper.url());
        properties.put("dojo.routes.flaky.url", flaky.url());
        properties.put("dojo.routes.flaky.prefixes", "/flaky");
        properties.put("dojo.routes.down.url", "http://127.0.0.1:" + downPort);
        properties.put("dojo.routes.down.prefixes", "/down");
        properties.put("dojo.cors.origin", ORIGIN);
        // an opened circuit stays open for the rest of the class
        properties.put("dojo.gateway.circuit-breaker.open-for", "60s");
        return properties;
    }

    @AfterAll
    void stopFakes() {
        users.close();
        eval.close();
        swapper.close();
        flaky.close();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Runs {@code call} and checks it started exactly {@code exchanges} fast-lane exchanges. */
    private <T> T onLane(int exchanges, Supplier<T> call) {
        long before = lane.exchanges();
        T result = call.get();
        assertEquals(before + exchanges, lane.exchanges(), "fast-lane exchanges started");
        return result;
    }

    /** Runs {@code call} and checks none of it took the fast lane. */
    private <T> T offLane(Supplier<T> call) {
        return onLane(0, call);
    }

    private Http.Connection connect() {
        return new Http.Connection(server.getPort());
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    private static void assertServedBy(String service, Http.Response response) {
        assertEquals(200, response.status(), response.statusLine() + " " + response.text());
        assertEquals(service, response.header("X-Served-By"), response.headers().toString());
    }

    // --- what takes the lane, and arrives intact

    @Test
    void runsOnTheExpectedTransport() {
        Transports.assertLoopsRun(loops, pinnedTransport());
    }

    @Test
    void plainMethodsTakeTheLaneWithMethodPathQueryAndBodyIntact() {
        HttpResponse<String> get = onLane(1, () -> Http.get(base(), "/users/3?tab=profile&x=1"));
        assertEquals(200, get.statusCode());
        assertEquals("users", get.headers().firstValue("X-Served-By").orElse(null));
        assertEquals(List.of("GET", "/users/3?tab=profile&x=1", 0),
                List.of(users.last().method(), users.last().uri(), users.last().body().length));

        String json = "{\"code\":\"print(1)\"}";
        HttpResponse<String> post = onLane(1, () -> Http.send(Http.request(base(), "/submissions?exercise=1")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))));
        assertEquals(200, post.statusCode());
        assertEquals("{\"service\":\"eval\",\"bytes\":" + json.length() + "}", post.body());
        assertEquals("POST", eval.last().method());
        assertEquals("/submissions?exercise=1", eval.last().uri());
        assertEquals(json, new String(eval.last().body(), StandardCharsets.UTF_8));
        assertEquals("application/json", eval.last().header("Content-Type"));

        HttpResponse<String> delete = onLane(1, () -> Http.send(Http.request(base(), "/exercises/4?force=true")
                .DELETE()));
        assertEquals(200, delete.statusCode());
        assertEquals("DELETE", eval.last().method());
        assertEquals("/exercises/4?force=true", eval.last().uri());

        for (String method : List.of("PUT", "PATCH")) {
            HttpResponse<String> response = onLane(1, () -> Http.send(Http.request(base(), "/docs/page")
                    .method(method, HttpRequest.BodyPublishers.ofString(method + " body"))));
            assertEquals(200, response.statusCode(), method);
            assertEquals(method, swapper.last().method());
            assertEquals(method + " body", new String(swapper.last().body(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> options = onLane(1, () -> Http.send(Http.request(base(), "/users/3")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())));
        assertEquals(200, options.statusCode());
        assertEquals("OPTIONS", users.last().method());
    }

    @Test
    void headAnswerHasTheServicesContentLengthAndNoBody() {
        String serviceLength;
        try (Http.Connection direct = new Http.Connection(users.port())) {
            serviceLength = direct.send("HEAD /users/head?direct HTTP/1.1\r\nHost: x\r\n\r\n").readHead()
                    .header("Content-Length");
        }
        assertNotNull(serviceLength);
        assertNotEquals("0", serviceLength);
        try (Http.Connection connection = connect()) {
            Http.Response head = onLane(1, () -> connection
                    .send("HEAD /users/head HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").readHead());
            assertServedBy("users", head);
            assertEquals(serviceLength, head.header("Content-Length"));
            // the next answer on the connection starts right after the head: no body bytes were sent
            Http.Response next = onLane(1, () -> connection.send(get("/ping")).read());
            assertEquals(200, next.status(), next.statusLine());
            assertEquals(PONG, next.text());
        }
        FakeService.Seen seen = users.seen().stream().filter(s -> s.uri().equals("/users/head")).findFirst()
                .orElseThrow();
        assertEquals("HEAD", seen.method());
    }

    // --- what must take the full path, and still gets the right answer

    @Test
    void chunkedBodyTakesTheFullPathAndArrivesWhole() {
        try (Http.Connection connection = connect()) {
            Http.Response response = offLane(() -> connection.send("""
                    POST /users/chunky HTTP/1.1\r
                    Host: 127.0.0.1\r
                    Content-Type: text/plain\r
                    Transfer-Encoding: chunked\r
                    \r
                    5\r
                    hello\r
                    6\r
                     world\r
                    0\r
                    \r
                    """).read());
            assertServedBy("users", response);
        }
        assertEquals("POST", users.last().method());
        assertEquals("/users/chunky", users.last().uri());
        assertEquals("hello world", new String(users.last().body(), StandardCharsets.UTF_8));
    }

    @Test
    void declaredBodyOverTheLimitTakesTheFullPathAndIsRefused() {
        users.forget();
        HttpResponse<String> response = offLane(() -> Http.send(Http.request(base(), "/users/huge")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024 + 1]))));
        assertEquals(413, response.statusCode());
        assertEquals("{\"status\":\"fail\",\"message\":\"Payload too large.\"}", response.body());
        assertTrue(users.seen().isEmpty());
    }

    @Test
    void expectContinueTakesTheFullPath() {
        String json = "{\"expect\":\"continue\"}";
        HttpResponse<String> response = offLane(() -> Http.send(Http.request(base(), "/users/expect")
                .expectContinue(true)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("/users/expect", users.last().uri());
        assertEquals(json, new String(users.last().body(), StandardCharsets.UTF_8));
    }

    @Test
    void upgradeTakesTheFullPath() {
        try (Http.Connection connection = connect()) {
            Http.Response response = offLane(() -> connection.send("""
                    GET /users/upgrade HTTP/1.1\r
                    Host: 127.0.0.1\r
                    Connection: Upgrade\r
                    Upgrade: example/1\r
                    \r
                    """).read());
            assertServedBy("users", response);
        }
        assertEquals("/users/upgrade", users.last().uri());
        assertNull(users.last().header("Upgrade"));
    }

    @Test
    void otherMethodsTakeTheFullPath() {
        for (String method : List.of("PROPFIND", "TRACE")) {
            try (Http.Connection connection = connect()) {
                Http.Response response = offLane(() -> connection.send(
                        method + " /users/m HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").read());
                assertTrue(response.status() < 500, method + " → " + response.statusLine());
            }
        }
    }

    @Test
    void pathsThatAreNotCleanTakeTheFullPath() {
        List<String> targets = List.of("/users/%41", "/users/a;b=1", "/users//x", "/users/./x", "/users/x/../y",
                // "café" as UTF-8 bytes on the wire
                "/users/caf\u00c3\u00a9", "/users/q?a=|", "/users/q?a={1}");
        for (String target : targets) {
            try (Http.Connection connection = connect()) {
                Http.Response response = offLane(() -> connection.send(
                        "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").read());
                assertTrue(response.status() < 500, target + " → " + response.statusLine());
            }
        }
        // a clean path with a plain query is the lane's
        try (Http.Connection connection = connect()) {
            assertServedBy("users", onLane(1, () -> connection.send(get("/users/a-b_c~d.e?x=1&y=%20z")).read()));
        }
    }

    @Test
    void loginPostsTakeTheFullPathOtherAuthCallsTheLane() {
        HttpResponse<String> login = offLane(() -> Http.send(Http.request(base(), "/auth/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"a\"}"))));
        assertEquals(200, login.statusCode());
        assertEquals("POST", users.last().method());
        assertEquals("/auth/login", users.last().uri());

        assertEquals(200, onLane(1, () -> Http.get(base(), "/auth/login")).statusCode());
        assertEquals(200, onLane(1, () -> Http.send(Http.request(base(), "/auth/status")
                .POST(HttpRequest.BodyPublishers.ofString("{}")))).statusCode());
    }

    @Test
    void anOriginTakesTheFullPathWhileACorsOriginIsSet() {
        HttpResponse<String> cors = offLane(() -> Http.send(Http.request(base(), "/users/cors").header("Origin", ORIGIN)));
        assertEquals(200, cors.statusCode());
        assertEquals(ORIGIN, cors.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("/users/cors", users.last().uri());
    }

    @Test
    void acceptEncodingsTheLaneDoesNotDecideTakeTheFullPath() {
        for (String accepted : List.of("*", "snappy, gzip")) {
            HttpResponse<String> response = offLane(() -> Http.send(Http.request(base(), "/users/enc")
                    .header("Accept-Encoding", accepted)));
            assertEquals(200, response.statusCode(), accepted);
            assertEquals("users", response.headers().firstValue("X-Served-By").orElse(null), accepted);
        }
        assertEquals(200, onLane(1, () -> Http.send(Http.request(base(), "/users/enc")
                .header("Accept-Encoding", "gzip, deflate"))).statusCode());
    }

    // --- connections

    @Test
    void keepAliveServesSeveralRequestsOverOneConnectionInOrder() {
        users.forget();
        try (Http.Connection connection = connect()) {
            onLane(5, () -> {
                for (int i = 1; i <= 5; i++) {
                    String answer;
                    if (i == 3) {
                        connection.send("POST /users/k3 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 7\r\n\r\n"
                                + "payload");
                        answer = "{\"service\":\"users\",\"bytes\":7}";
                    } else {
                        connection.send(get("/users/k" + i));
                        answer = "{\"service\":\"users\",\"bytes\":0}";
                    }
                    Http.Response response = connection.read();
                    assertServedBy("users", response);
                    assertEquals(answer, response.text(), "answer " + i);
                    assertEquals(1, response.headers().get("x-request-id").size());
                }
                return null;
            });
        }
        List<FakeService.Seen> seen = users.seen();
        assertEquals(List.of("/users/k1", "/users/k2", "/users/k3", "/users/k4", "/users/k5"),
                seen.stream().map(FakeService.Seen::uri).toList());
        // one caller connection, served on one event loop: one kept-alive connection to the service
        assertEquals(1, seen.stream().map(FakeService.Seen::clientPort).distinct().count(), seen.toString());
    }

    @Test
    void pipelinedRequestsForMainAndTheLaneAreAnsweredInOrder() {
        users.forget();
        try (Http.Connection connection = connect()) {
            connection.send(get("/health/liveness") + get("/users/1") + get("/health/liveness") + get("/ping"));
            Http.Response first = connection.read();
            Http.Response second = connection.read();
            Http.Response third = connection.read();
            Http.Response fourth = connection.read();
            for (Http.Response liveness : List.of(first, third)) {
                assertEquals(200, liveness.status(), liveness.statusLine());
                assertTrue(liveness.text().contains("\"status\":\"UP\""), liveness.text());
                assertNull(liveness.header("X-Served-By"));
            }
            assertServedBy("users", second);
            assertEquals("{\"service\":\"users\",\"bytes\":0}", second.text());
            assertEquals(200, fourth.status());
            assertEquals(PONG, fourth.text());
        }
        // the answers above are in order; which of the two reaches the service first is not part of the contract
        // (main's health is Micronaut's asynchronous endpoint now)
        assertEquals(List.of("/ping", "/users/1"),
                users.seen().stream().map(FakeService.Seen::uri).sorted().toList());
    }

    @Test
    void requestsPipelinedBehindASlowExchangeWaitTheirTurn() {
        users.slowMillis(300);
        try (Http.Connection connection = connect()) {
            long before = lane.exchanges();
            connection.send(get("/users/slow") + get("/health/liveness")
                    + "POST /users/p HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc" + get("/ping"));
            Http.Response slow = connection.read();
            assertEquals(200, slow.status(), slow.statusLine());
            assertEquals("{\"slow\":true}", slow.text());
            Http.Response liveness = connection.read();
            assertEquals(200, liveness.status(), liveness.statusLine());
            assertTrue(liveness.text().contains("\"status\":\"UP\""), liveness.text());
            Http.Response post = connection.read();
            assertServedBy("users", post);
            assertEquals("{\"service\":\"users\",\"bytes\":3}", post.text());
            Http.Response ping = connection.read();
            assertEquals(PONG, ping.text());
            assertTrue(lane.exchanges() > before, "the slow request took the lane");
        } finally {
            users.slowMillis(3000);
        }
    }

    @Test
    void requestPipelinedToAnOpenCircuitDoesNotStallTheConnection() {
        openTheDownCircuit();
        try (Http.Connection connection = connect()) {
            connection.send(get("/users/before") + get("/down/x") + get("/users/after"));
            assertServedBy("users", connection.read());
            Http.Response open = connection.read();
            assertEquals(503, open.status(), open.statusLine());
            assertEquals("{\"status\":\"error\",\"message\":\"The down service is unavailable. Please try again "
                    + "later.\"}", open.text());
            assertNotNull(open.header("Retry-After"));
            assertServedBy("users", connection.read());
        }
    }

    @Test
    void openCircuitAnswersAtOnceOnTheLane() {
        openTheDownCircuit();
        try (Http.Connection connection = connect()) {
            Http.Response open = onLane(1, () -> connection.send(get("/down/y")).read());
            assertEquals(503, open.status());
            assertNotNull(open.header("Retry-After"));
            // the connection goes on
            assertServedBy("users", onLane(1, () -> connection.send(get("/users/next")).read()));
        }
    }

    /** Refused connects until the circuit of {@code down} is open (it then stays open for the class). */
    private void openTheDownCircuit() {
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = Http.get(base(), "/down/x");
            assertEquals(503, response.statusCode());
            if (response.headers().firstValue("Retry-After").isPresent()) {
                return;
            }
        }
        throw new AssertionError("the circuit of down never opened");
    }

    @Test
    void http10WithoutKeepAliveIsAnsweredAndClosed() {
        try (Http.Connection connection = connect()) {
            Http.Response response = onLane(1, () -> connection.send("GET /users/old HTTP/1.0\r\n\r\n").read());
            assertServedBy("users", response);
            assertEquals("{\"service\":\"users\",\"bytes\":0}", response.text());
            assertTrue(connection.closedByPeer(2000), "main keeps an HTTP/1.0 connection open");
        }
        assertEquals("/users/old", users.last().uri());
        assertEquals("127.0.0.1:" + users.port(), users.last().header("Host"));
    }

    @Test
    void http10WithKeepAliveStaysOpen() {
        try (Http.Connection connection = connect()) {
            onLane(2, () -> {
                for (String target : List.of("/users/old1", "/users/old2")) {
                    Http.Response response = connection
                            .send("GET " + target + " HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
                    assertServedBy("users", response);
                    assertEquals("keep-alive", String.valueOf(response.header("Connection")).toLowerCase());
                    assertEquals(target, users.last().uri());
                }
                return null;
            });
        }
    }

    @Test
    void http10GetsAChunkedServiceAnswerDelimitedByClose() {
        try (Http.Connection connection = connect()) {
            Http.Response response = onLane(1, () -> connection
                    .send("GET /users/chunked HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read());
            assertEquals(200, response.status(), response.statusLine());
            assertNull(response.header("Transfer-Encoding"), "HTTP/1.0 has no chunked coding");
            assertEquals("{\"chunked\":true}", response.text());
            assertTrue(response.complete());
        }
    }

    // --- compression

    @Test
    void textBodiesOfAtLeastOneKilobyteAreGzippedLikeTheFullPath() throws IOException {
        for (int size : List.of(1024, 4096, 100_000)) {
            byte[] original = direct("/users/sized?bytes=" + size);
            assertEquals(size, original.length);
            HttpResponse<byte[]> zipped = onLane(1, () -> bytes(Http.request(base(), "/users/sized?bytes=" + size)
                    .header("Accept-Encoding", "gzip")));
            assertEquals(200, zipped.statusCode());
            assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null), "size " + size);
            assertEquals(1, zipped.headers().allValues("X-Request-Id").size());
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
                assertArrayEquals(original, in.readAllBytes(), "size " + size);
            }
        }
    }

    @Test
    void smallBodiesAndCallersNotAskingAreNotEncoded() {
        byte[] small = direct("/users/sized?bytes=1023");
        HttpResponse<byte[]> belowThreshold = onLane(1, () -> bytes(Http.request(base(), "/users/sized?bytes=1023")
                .header("Accept-Encoding", "gzip")));
        assertTrue(belowThreshold.headers().firstValue("Content-Encoding").isEmpty());
        assertArrayEquals(small, belowThreshold.body());

        byte[] large = direct("/users/sized?bytes=4096");
        HttpResponse<byte[]> notAsked = onLane(1, () -> bytes(Http.request(base(), "/users/sized?bytes=4096")));
        assertTrue(notAsked.headers().firstValue("Content-Encoding").isEmpty());
        assertArrayEquals(large, notAsked.body());
        assertEquals("4096", notAsked.headers().firstValue("Content-Length").orElse(null));
    }

    private byte[] direct(String path) {
        return bytes(Http.request(users.url(), path)).body();
    }

    private static HttpResponse<byte[]> bytes(HttpRequest.Builder request) {
        return Http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    // --- services and callers misbehaving at the connection level

    @Test
    void serviceClosingAKeptAliveConnectionBetweenRequests() throws InterruptedException {
        flaky.on("/flaky/then-close", (request, out) -> {
            RawService.ok(out, "bye");
            return false; // a keep-alive answer, then the service closes the idle connection
        });
        try (Http.Connection connection = connect()) {
            Http.Response first = onLane(1, () -> connection.send(get("/flaky/then-close")).read());
            assertEquals(200, first.status());
            assertEquals("bye", first.text());
            Thread.sleep(200);
            Http.Response second = onLane(1, () -> connection.send(get("/flaky/after-close")).read());
            assertEquals(200, second.status(), second.statusLine() + " " + second.text());
            assertEquals("ok /flaky/after-close", second.text());
        }
        assertEquals(1, flaky.seen("/flaky/after-close").size());
    }

    @Test
    void reusedConnectionTheServiceDropsIsRetriedOnceForAGet() {
        flaky.on("/flaky/drop-reused", (request, out) ->
                request.onConnection() == 1 && RawService.ok(out, "fresh " + request.method()));
        try (Http.Connection connection = connect()) {
            assertEquals(200, onLane(1, () -> connection.send(get("/flaky/warm")).read()).status());
            Http.Response response = onLane(1, () -> connection.send(get("/flaky/drop-reused")).read());
            assertEquals(200, response.status(), response.statusLine() + " " + response.text());
            assertEquals("fresh GET", response.text());
        }
        List<RawService.Request> attempts = flaky.seen("/flaky/drop-reused");
        assertEquals(2, attempts.size(), attempts.toString());
        assertTrue(attempts.get(0).onConnection() > 1, "first asked on a kept-alive connection: " + attempts);
        assertEquals(1, attempts.get(1).onConnection(), "then once on a fresh one: " + attempts);
    }

    @Test
    void reusedConnectionTheServiceDropsIsNotRetriedForAPostWithABody() {
        flaky.on("/flaky/drop-reused-post", (request, out) ->
                request.onConnection() == 1 && RawService.ok(out, "fresh " + request.method()));
        try (Http.Connection connection = connect()) {
            assertEquals(200, connection.send(get("/flaky/warm-post")).read().status());
            Http.Response response = onLane(1, () -> connection.send(
                    "POST /flaky/drop-reused-post HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n\r\nonce")
                    .read());
            assertEquals(502, response.status(), response.statusLine());
            assertEquals("{\"status\":\"error\",\"message\":\"The flaky service sent no valid answer. Please try "
                    + "again later.\"}", response.text());
            // the caller's connection goes on
            assertEquals(200, connection.send(get("/flaky/after-post")).read().status());
        }
        assertEquals(1, flaky.seen("/flaky/drop-reused-post").size(), "a body is never sent twice");
    }

    @Test
    void interimAnswersFromTheServiceAreDroppedAndTheRealOnePassedOn() {
        for (String interim : List.of("100 Continue", "103 Early Hints")) {
            String path = "/flaky/interim-" + interim.substring(0, 3);
            flaky.on(path, (request, out) -> {
                out.write(("HTTP/1.1 " + interim + "\r\n\r\n"
                        + "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nfinal")
                        .getBytes(StandardCharsets.US_ASCII));
                return true;
            });
            try (Http.Connection connection = connect()) {
                Http.Response response = onLane(1, () -> connection.send(get(path)).read());
                assertEquals(200, response.status(), interim + ": " + response.statusLine());
                assertEquals("final", response.text(), interim);
            }
        }
    }

    @Test
    void serviceClosingWithoutAnAnswerIs502NamingIt() {
        flaky.on("/flaky/silent", (request, out) -> false);
        try (Http.Connection connection = connect()) {
            Http.Response response = onLane(1, () -> connection.send(get("/flaky/silent")).read());
            assertEquals(502, response.status(), response.statusLine());
            assertEquals("{\"status\":\"error\",\"message\":\"The flaky service sent no valid answer. Please try "
                    + "again later.\"}", response.text());
            assertEquals(1, response.headers().get("x-request-id").size());
            assertEquals(200, connection.send(get("/flaky/after-silent")).read().status());
        }
    }

    @Test
    void serviceEndingItsBodyByClosingIsReframedForAKeptAliveCaller() {
        flaky.on("/flaky/close-delimited", (request, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nhello until close"
                    .getBytes(StandardCharsets.US_ASCII));
            return false;
        });
        try (Http.Connection connection = connect()) {
            Http.Response response = onLane(1, () -> connection.send(get("/flaky/close-delimited")).read());
            assertEquals(200, response.status());
            assertEquals("chunked", response.header("Transfer-Encoding"));
            assertEquals("hello until close", response.text());
            assertTrue(response.complete());
            assertNull(response.header("Connection"));
            assertEquals("ok /flaky/next", connection.send(get("/flaky/next")).read().text());
        }
    }

    @Test
    void aHeadWhoseBodyComesInALaterReadReachesTheCallerFirst() throws IOException {
        AtomicBoolean bodySent = new AtomicBoolean();
        CountDownLatch headReceived = new CountDownLatch(1);
        flaky.on("/flaky/late-body", (request, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                // the body once the caller has the head (or after 5 s: a head held back for its body)
                headReceived.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            bodySent.set(true);
            out.write("late".getBytes(StandardCharsets.US_ASCII));
            return true;
        });
        HttpResponse<InputStream> response = onLane(1, () -> Http.send(
                Http.request(base(), "/flaky/late-body").GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
        assertFalse(bodySent.get(), "the head was passed on before the service sent the body");
        headReceived.countDown();
        assertEquals(200, response.statusCode());
        try (InputStream body = response.body()) {
            assertEquals("late", new String(body.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void serviceBreakingOffMidBodyCutsTheCallersConnection() {
        flaky.on("/flaky/cut", (request, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[100]);
            return false;
        });
        try (Http.Connection connection = connect()) {
            Http.Response cut = onLane(1, () -> connection.send(get("/flaky/cut")).read());
            assertEquals(200, cut.status());
            assertFalse(cut.complete(), "the body ended early: the caller must see a cut connection");
            assertEquals(100, cut.body().length);
        }
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> Http.get(base(), "/flaky/cut"));
        assertTrue(failed.getCause() instanceof IOException, String.valueOf(failed.getCause()));
        // a new connection works, to that service and to others
        assertEquals("ok /flaky/after-cut", Http.get(base(), "/flaky/after-cut").body());
        assertEquals(PONG, Http.get(base(), "/ping").body());
    }

    @Test
    void callersLeavingMidDownloadDoNotBreakLaterRequests() throws IOException {
        // as many as the circuit breaker's threshold: a caller leaving is not the service failing
        for (int i = 0; i < 5; i++) {
            try (Http.Connection connection = connect()) {
                connection.send(get("/users/big"));
                byte[] part = connection.in().readNBytes(1024 * 1024);
                assertEquals(1024 * 1024, part.length);
                assertTrue(new String(part, 0, 15, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200"));
            }
        }
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> ping = onLane(1, () -> Http.get(base(), "/ping"));
            assertEquals(200, ping.statusCode());
            assertEquals(PONG, ping.body());
        }
        HttpResponse<InputStream> big = Http.send(Http.request(base(), "/users/big").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, big.statusCode());
        long total;
        try (InputStream in = big.body()) {
            total = in.transferTo(OutputStream.nullOutputStream());
        }
        assertEquals(FakeService.BIG_BYTES, total);
    }
}
