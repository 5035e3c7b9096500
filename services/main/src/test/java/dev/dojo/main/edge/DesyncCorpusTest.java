package dev.dojo.main.edge;

import dev.dojo.main.ServiceRoutes;
import dev.dojo.main.Http;
import dev.dojo.main.RecordingBackend;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desync corpus (docs/gateway.md, "Request framing"): hostile HTTP/1.1 sent on raw sockets through main to a
 * {@link RecordingBackend} standing in for users. For every case, either main refuses it with a 4xx envelope, closes
 * the connection and the service receives no complete request, or the service receives exactly one request whose
 * body is the one main accepted; the request pipelined behind it on the same connection gets its own answer; no
 * request for {@code /smuggled} ever reaches the service; and a fresh caller afterwards gets its own answer over
 * main's pooled service connections.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DesyncCorpusTest implements TestPropertyProvider {

    /** What a case must lead to. */
    enum Outcome { REFUSED, ACCEPTED, ACCEPTED_THEN_CLOSED, ACCEPTED_THEN_CLOSED_OR_KEPT }

    /**
     * One case. {@code head} is sent verbatim, {@code {path}} replaced by the case's own path; {@code body} is what
     * the service must receive when it is accepted.
     */
    record Case(String name, String request, Outcome outcome, String body) {
    }

    private static final String SMUGGLED = "GET /users/smuggled HTTP/1.1\r\nHost: x\r\n\r\n";

    private final RecordingBackend users = RecordingBackend.start();
    private final AtomicInteger probes = new AtomicInteger();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return ServiceRoutes.usersAt(users.url(), "micronaut.server.max-request-size", "1024");
    }

    @AfterAll
    void stopBackend() {
        users.close();
    }

    static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        // --- Content-Length and Transfer-Encoding together or disguised ---
        cases.add(refused("cl-te", post("Content-Length: 6\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n" + SMUGGLED)));
        cases.add(refused("te-cl", post("Transfer-Encoding: chunked\r\nContent-Length: 4\r\n",
                "5c\r\n" + SMUGGLED + "\r\n0\r\n\r\n")));
        for (String te : List.of("xchunked", "chunked, identity", "identity, chunked", "CHUNKED", "Chunked",
                "chunked ;q=1", "chunked\u000b", "x chunked", "chunked, chunked", "gzip, chunked")) {
            cases.add(refused("te-" + te.trim(), post("Transfer-Encoding: " + te + "\r\nContent-Length: 4\r\n",
                    "0\r\n\r\n" + SMUGGLED)));
            cases.add(refused("te-alone-" + te.trim(), post("Transfer-Encoding: " + te + "\r\n",
                    "0\r\n\r\n" + SMUGGLED)));
        }
        cases.add(refused("te-space-before-colon", post("Transfer-Encoding : chunked\r\nContent-Length: 4\r\n",
                "0\r\n\r\n" + SMUGGLED)));
        cases.add(refused("te-leading-space-line", post(" Transfer-Encoding: chunked\r\nContent-Length: 4\r\n",
                "0\r\n\r\n" + SMUGGLED)));
        cases.add(refused("te-two-headers", post("Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n",
                "0\r\n\r\n" + SMUGGLED)));
        cases.add(refused("te-two-chunked", post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
                "0\r\n\r\n" + SMUGGLED)));
        cases.add(refused("te-obs-fold", post("Transfer-Encoding:\r\n chunked\r\nContent-Length: 4\r\n",
                "0\r\n\r\n" + SMUGGLED)));
        cases.add(refused("te-http10", "POST {path} HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n"));
        // --- Content-Length forms ---
        cases.add(refused("cl-duplicate-same", post("Content-Length: 5\r\nContent-Length: 5\r\n", "hello")));
        cases.add(refused("cl-conflicting", post("Content-Length: 5\r\nContent-Length: 43\r\n", "hello" + SMUGGLED)));
        cases.add(refused("cl-list", post("Content-Length: 5, 5\r\n", "hello")));
        cases.add(refused("cl-plus", post("Content-Length: +5\r\n", "hello")));
        cases.add(refused("cl-minus", post("Content-Length: -5\r\n", "hello")));
        cases.add(refused("cl-hex", post("Content-Length: 0x5\r\n", "hello")));
        cases.add(refused("cl-exponent", post("Content-Length: 5e0\r\n", "hello")));
        cases.add(refused("cl-inner-space", post("Content-Length: 5 5\r\n", "hello")));
        cases.add(refused("cl-letters", post("Content-Length: five\r\n", "hello")));
        cases.add(refused("cl-empty", post("Content-Length: \r\n", "hello")));
        cases.add(refused("cl-huge", post("Content-Length: 99999999999999999999999\r\n", "hello")));
        cases.add(refused("cl-obs-fold", post("Content-Length:\r\n 5\r\n", "hello")));
        cases.add(accepted("cl-leading-zeros", post("Content-Length: 005\r\n", "hello"), "hello"));
        cases.add(accepted("cl-surrounding-spaces", post("Content-Length:   5  \r\n", "hello"), "hello"));
        cases.add(accepted("cl-plain", post("Content-Length: 5\r\n", "hello"), "hello"));
        cases.add(accepted("get-with-body", "GET {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
                "hello"));
        // --- line endings, folding, bytes that have no place in a head ---
        cases.add(refused("bare-lf", "GET {path} HTTP/1.1\nHost: x\n\n"));
        cases.add(refused("bare-lf-in-one-header", "GET {path} HTTP/1.1\r\nHost: x\nX-A: b\r\n\r\n"));
        cases.add(refused("bare-cr", "GET {path} HTTP/1.1\r\nHost: x\rX-A: b\r\n\r\n"));
        cases.add(refused("nul-in-value", "GET {path} HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n"));
        cases.add(refused("cr-in-value", "GET {path} HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n"));
        cases.add(refused("nul-in-name", "GET {path} HTTP/1.1\r\nHost: x\r\nX-\u0000A: b\r\n\r\n"));
        cases.add(refused("no-colon", "GET {path} HTTP/1.1\r\nHost: x\r\nX-A b\r\n\r\n"));
        cases.add(refused("space-in-target", "GET {path} x HTTP/1.1\r\nHost: x\r\n\r\n"));
        cases.add(refused("junk-version", "GET {path} HTTP/1.1x\r\nHost: x\r\n\r\n"));
        cases.add(accepted("obs-fold-other-header", "GET {path} HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n", ""));
        // --- methods: case-sensitive, while Micronaut reads any spelling of a known one as that method ---
        cases.add(refused("method-lower-case", "get {path} HTTP/1.1\r\nHost: x\r\n\r\n"));
        cases.add(refused("method-mixed-case", "Post {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"));
        cases.add(refused("method-custom-lower-case", "purge {path} HTTP/1.1\r\nHost: x\r\n\r\n"));
        // --- fields of one value, sent twice: which one counts depends on the reader ---
        cases.add(refused("two-authorizations", "GET {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\r\n"
                + "Authorization: Bearer b\r\n\r\n"));
        cases.add(refused("two-content-types", post("Content-Type: application/json\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 5\r\n", "hello")));
        // --- targets and Host ---
        cases.add(refused("absolute-form", "GET http://127.0.0.1:1{path} HTTP/1.1\r\nHost: x\r\n\r\n"));
        cases.add(refused("absolute-form-other-host", "GET http://evil.example/users/smuggled HTTP/1.1\r\nHost: x\r\n\r\n"));
        cases.add(refused("authority-form", "CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: x\r\n\r\n"));
        cases.add(refused("asterisk-get", "GET * HTTP/1.1\r\nHost: x\r\n\r\n"));
        cases.add(refused("no-host", "GET {path} HTTP/1.1\r\n\r\n"));
        cases.add(refused("two-hosts", "GET {path} HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n"));
        cases.add(refused("h2-prior-knowledge", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
        // characters RFC 3986 has no place for: a backslash is '/' to some parsers
        for (String c : List.of("\\", "\"", "<", ">", "^", "`", "{", "|", "}")) {
            String code = Integer.toString(c.charAt(0));
            cases.add(refused("target-char-" + code, "GET {path}" + c + "x HTTP/1.1\r\nHost: x\r\n\r\n"));
            cases.add(refused("query-char-" + code, "GET {path}?q=" + c + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        }
        for (String broken : List.of("%zz", "%", "%0", "%u0031", "%G1")) {
            cases.add(refused("percent-" + broken, "GET {path}/" + broken + " HTTP/1.1\r\nHost: x\r\n\r\n"));
            cases.add(refused("query-percent-" + broken, "GET {path}?q=" + broken + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        }
        // --- versions: HTTP/1 only; Netty reads any "HTTP/x.y", and Micronaut would echo it in its status line ---
        for (String version : List.of("HTTP/2.0", "HTTP/3.0", "HTTP/0.9", "HTTP/9.9")) {
            cases.add(refused("version-" + version, "GET {path} " + version + "\r\nHost: x\r\n\r\n"));
        }
        cases.add(accepted("version-1.2-as-1.1", "GET {path} HTTP/1.2\r\nHost: x\r\n\r\n", ""));
        // --- Expect, HTTP/1.0 ---
        cases.add(accepted("expect-continue-body-at-once",
                post("Expect: 100-continue\r\nContent-Length: 5\r\n", "hello"), "hello"));
        cases.add(closed("http10-body-no-keep-alive",
                "POST {path} HTTP/1.0\r\nContent-Length: 5\r\n\r\nhello", "hello"));
        cases.add(closedOrKept("http10-body-keep-alive",
                "POST {path} HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 5\r\n\r\nhello", "hello"));
        // --- chunked bodies ---
        cases.add(accepted("te-ows-around-chunked", post("Transfer-Encoding: \t chunked\t\r\n",
                "5\r\nhello\r\n0\r\n\r\n"), "hello"));
        cases.add(refused("te-ows-around-chunked-with-length", post("Transfer-Encoding: \t chunked\t\r\n"
                + "Content-Length: 4\r\n", "0\r\n\r\n" + SMUGGLED)));
        cases.add(accepted("chunked", post("Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n0\r\n\r\n"), "hello"));
        // compressed bodies: main inflates gzip and deflate as they arrive; a stream cut off before its end or with
        // bytes after it was served as whole (the service got a prefix, or the padding was dropped): refused whole
        String json = "{\"email\":\"a@b.cd\",\"password\":\"x\"}";
        byte[] gz = Compressed.gzip(json);
        byte[] zlib = Compressed.zlib(json);
        byte[] raw = Compressed.rawDeflate(json);
        cases.add(accepted("gzip-whole", compressed("gzip", gz), json));
        cases.add(accepted("gzip-upper-case", compressed("GZIP", gz), json));
        cases.add(accepted("deflate-zlib-whole", compressed("deflate", zlib), json));
        cases.add(accepted("deflate-raw-whole", compressed("deflate", raw), json));
        cases.add(accepted("gzip-chunked-whole", chunkedCompressed(gz), json));
        cases.add(refused("gzip-no-trailer", compressed("gzip", Compressed.cut(gz, 8))));
        cases.add(refused("gzip-half-trailer", compressed("gzip", Compressed.cut(gz, 4))));
        cases.add(refused("gzip-cut-in-stream", compressed("gzip", Compressed.cut(gz, gz.length / 2))));
        cases.add(refused("gzip-header-only", compressed("gzip", Compressed.cut(gz, gz.length - 10))));
        cases.add(refused("gzip-bytes-after", compressed("gzip", Compressed.join(gz, "xx".getBytes()))));
        cases.add(refused("gzip-two-members", compressed("gzip", Compressed.join(gz, gz))));
        cases.add(refused("gzip-chunked-no-trailer", chunkedCompressed(Compressed.cut(gz, 8))));
        cases.add(refused("gzip-chunked-bytes-after", chunkedCompressed(Compressed.join(gz, "x".getBytes()))));
        cases.add(refused("deflate-no-adler", compressed("deflate", Compressed.cut(zlib, 4))));
        cases.add(refused("deflate-bytes-after", compressed("deflate", Compressed.join(zlib, "x".getBytes()))));
        cases.add(refused("deflate-raw-bytes-after", compressed("deflate", Compressed.join(raw, "x".getBytes()))));
        cases.add(refused("deflate-raw-cut", compressed("deflate", Compressed.cut(raw, 3))));
        // snappy: Micronaut inflated Netty's snappy framing (no HTTP coding; checksums unchecked) and main passed the
        // body on as plain; br likewise where a Brotli library is present. 415, as the services answer any other
        byte[] snappy = Compressed.join("\u00ff\u0006\u0000\u0000sNaPpY\u0001".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1), new byte[]{(byte) (json.length() + 4), 0, 0, 0, 0, 0, 0});
        cases.add(refused("snappy", compressed("snappy", Compressed.join(snappy, json.getBytes()))));
        cases.add(refused("snappy-upper-case", compressed("SNAPPY", Compressed.join(snappy, json.getBytes()))));
        cases.add(refused("br", compressed("br", new byte[]{0x0b, 0x02, (byte) 0x80, 0x68, 0x69, 0x03})));
        cases.add(accepted("snappy-named-no-body", "GET {path} HTTP/1.1\r\nHost: x\r\nContent-Encoding: snappy\r\n\r\n",
                ""));
        cases.add(accepted("chunk-extensions",
                post("Transfer-Encoding: chunked\r\n", "5;a=b;c=\"d\"\r\nhello\r\n0;x=y\r\n\r\n"), "hello"));
        cases.add(accepted("trailers", post("Transfer-Encoding: chunked\r\n",
                "5\r\nhello\r\n0\r\nX-Trailer: t\r\nX-Other: u\r\n\r\n"), "hello"));
        // trailers never reach a service, framing ones included
        cases.add(accepted("trailer-content-length", post("Transfer-Encoding: chunked\r\n",
                "5\r\nhello\r\n0\r\nContent-Length: 43\r\n\r\n"), "hello"));
        cases.add(accepted("trailer-transfer-encoding", post("Transfer-Encoding: chunked\r\n",
                "5\r\nhello\r\n0\r\nTransfer-Encoding: chunked\r\n\r\n"), "hello"));
        cases.add(refused("chunk-size-line-oversized", post("Transfer-Encoding: chunked\r\n",
                "0".repeat(10_000) + "5\r\nhello\r\n0\r\n\r\n")));
        cases.add(refused("chunk-size-overflow", post("Transfer-Encoding: chunked\r\n",
                "ffffffffffffffff1\r\nhello\r\n0\r\n\r\n")));
        cases.add(refused("chunk-size-not-hex", post("Transfer-Encoding: chunked\r\n", "zz\r\nhello\r\n0\r\n\r\n")));
        cases.add(refused("chunk-size-negative", post("Transfer-Encoding: chunked\r\n", "-5\r\nhello\r\n0\r\n\r\n")));
        cases.add(refused("chunk-longer-than-size", post("Transfer-Encoding: chunked\r\n",
                "3\r\nhello\r\n0\r\n\r\n")));
        cases.add(refused("chunk-bare-lf", post("Transfer-Encoding: chunked\r\n", "5\nhello\n0\n\n")));
        // --- Connection nominations, Upgrade ---
        for (String framing : List.of("Content-Length", "Transfer-Encoding", "Host", "close, Content-Length",
                "keep-alive,content-length", "HOST")) {
            cases.add(refused("connection-" + framing, post("Connection: " + framing + "\r\nContent-Length: 43\r\n",
                    SMUGGLED)));
        }
        cases.add(accepted("connection-authorization",
                "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: Authorization\r\nAuthorization: Bearer x\r\n\r\n", ""));
        cases.add(accepted("connection-x-forwarded-for",
                "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: X-Forwarded-For\r\nX-Forwarded-For: 6.6.6.6\r\n\r\n",
                ""));
        cases.add(accepted("connection-x-request-id",
                "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: X-Request-Id\r\nX-Request-Id: abc\r\n\r\n", ""));
        cases.add(accepted("upgrade-h2c", "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n", ""));
        cases.add(accepted("upgrade-websocket", "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\n"
                + "Upgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "\r\n", ""));
        // --- limits: the rest of the connection is never read as requests ---
        cases.add(refused("413-declared", post("Content-Length: 2000\r\n", SMUGGLED)));
        cases.add(refused("413-chunked", post("Transfer-Encoding: chunked\r\n",
                "800\r\n" + "a".repeat(2048) + "\r\n0\r\n\r\n" + SMUGGLED)));
        cases.add(refused("header-too-large", "GET {path} HTTP/1.1\r\nHost: x\r\nX-A: " + "a".repeat(20_000)
                + "\r\n\r\n"));
        cases.add(refused("target-too-long", "GET {path}/" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        return cases;
    }

    private static String compressed(String coding, byte[] body) {
        return post("Content-Encoding: " + coding + "\r\nContent-Length: " + body.length + "\r\n", latin1(body));
    }

    /** A gzip body in two chunks, split inside the deflate stream. */
    private static String chunkedCompressed(byte[] body) {
        int half = body.length / 2;
        return post("Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
                Integer.toHexString(half) + "\r\n" + latin1(java.util.Arrays.copyOf(body, half)) + "\r\n"
                        + Integer.toHexString(body.length - half) + "\r\n"
                        + latin1(java.util.Arrays.copyOfRange(body, half, body.length)) + "\r\n0\r\n\r\n");
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String post(String headers, String body) {
        return "POST {path} HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n" + body;
    }

    private static Case refused(String name, String request) {
        return new Case(name, request, Outcome.REFUSED, null);
    }

    private static Case accepted(String name, String request, String body) {
        return new Case(name, request, Outcome.ACCEPTED, body);
    }

    private static Case closed(String name, String request, String body) {
        return new Case(name, request, Outcome.ACCEPTED_THEN_CLOSED, body);
    }

    private static Case closedOrKept(String name, String request, String body) {
        return new Case(name, request, Outcome.ACCEPTED_THEN_CLOSED_OR_KEPT, body);
    }

    @TestFactory
    Stream<DynamicTest> eachCaseIsRefusedOrPassedWhole() {
        return corpus().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private void run(Case c) throws InterruptedException {
        String slug = c.name().replaceAll("[^A-Za-z0-9]+", "-");
        String path = "/users/corpus/" + slug;
        String next = "/users/next/" + slug;
        String followUp = "GET " + next + " HTTP/1.1\r\nHost: x\r\n\r\n";
        int smuggledBefore = smuggled().size();
        try (Http.Connection client = new Http.Connection(server.getPort())) {
            // the follow-up rides in the same write: after a refusal it must never be read as a request
            client.send(c.request().replace("{path}", path) + followUp);
            Http.Response first = client.read();
            if (c.outcome() == Outcome.REFUSED) {
                assertTrue(first.status() >= 400 && first.status() < 500, c.name() + ": " + first.statusLine());
                assertTrue(first.text().startsWith("{\"status\":\"fail\",\"message\":"), c.name() + ": " + first.text());
                assertEquals("nosniff", first.header("X-Content-Type-Options"), c.name() + ": " + first.headers());
                // the edge's own answers are never kept by a cache (a 414 would be, by default)
                assertEquals("no-store", first.header("Cache-Control"), c.name() + ": " + first.headers());
                assertTrue(client.closedByPeer(5_000), c.name() + ": main closes the connection after a refusal");
                assertTrue(users.complete(path).isEmpty(), c.name() + ": the service got " + users.complete(path)
                        + (users.complete(path).isEmpty() ? "" : users.complete(path).get(0).rawText()));
                assertTrue(users.complete(next).isEmpty(), c.name() + ": the rest of the connection was read");
            } else {
                assertEquals(200, first.status(), c.name() + ": " + first.text());
                List<RecordingBackend.Request> got = users.awaitComplete(path, 1);
                assertEquals(1, got.size(), c.name() + ": " + got);
                assertArrayEquals(c.body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), got.get(0).body(),
                        c.name() + ": the service got body " + got.get(0).bodyText());
                assertEquals("own " + got.get(0).method() + " " + path + " " + c.body().length(), first.text(),
                        c.name());
                if (c.outcome() == Outcome.ACCEPTED_THEN_CLOSED_OR_KEPT && client.closedByPeer(1_000)) {
                    assertTrue(users.complete(next).isEmpty(), c.name() + ": closed, yet the next was read");
                } else if (c.outcome() != Outcome.ACCEPTED_THEN_CLOSED) {
                    Http.Response second = client.read();
                    assertEquals(200, second.status(), c.name());
                    assertEquals("own GET " + next + " 0", second.text(), c.name() + ": the next request's own answer");
                    assertEquals(1, users.awaitComplete(next, 1).size());
                } else {
                    assertTrue(client.closedByPeer(5_000), c.name() + ": HTTP/1.0 without keep-alive is closed");
                    assertTrue(users.complete(next).isEmpty(), c.name() + ": nothing after it was read");
                }
            }
        }
        assertEquals(smuggledBefore, smuggled().size(), c.name() + ": smuggled " + smuggled());
        assertNothingFramedTwoWays(c.name());
        assertAFreshCallerGetsItsOwnAnswer(c.name());
    }

    /** Requests for the smuggled path; only the pipelining test sends one on purpose. */
    private List<RecordingBackend.Request> smuggled() {
        return users.seen(request -> request.target().contains("smuggled"));
    }

    private void assertNothingFramedTwoWays(String name) {
        for (RecordingBackend.Request request : users.seen()) {
            assertTrue(request.header("Transfer-Encoding").isEmpty() || request.header("Content-Length").isEmpty(),
                    name + ": main sent a request framed two ways: " + request.rawText());
            assertTrue(request.header("Upgrade").isEmpty() && request.header("HTTP2-Settings").isEmpty()
                    && request.header("Authorization").isEmpty() && request.header("Expect").isEmpty()
                    && request.header("X-Trailer").isEmpty(), name + ": " + request.rawText());
        }
    }

    private void assertAFreshCallerGetsItsOwnAnswer(String name) {
        // main's pooled connections to the service must be in step: each of a few callers gets its own answer
        for (int i = 0; i < 3; i++) {
            String probe = "/users/probe/" + probes.incrementAndGet();
            try (Http.Connection client = new Http.Connection(server.getPort())) {
                Http.Response answer = client.send("GET " + probe + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
                assertEquals(200, answer.status(), name);
                assertEquals("own GET " + probe + " 0", answer.text(), name + ": a later caller's own answer");
            }
        }
    }

    /** The rule on '%' refuses only broken escapes: well-formed ones pass through as they were sent. */
    @Test
    void wellFormedPercentEncodingPasses() {
        String target = "/users/percent/%e2%82%ac?q=%41%2a&r=%25%2F";
        try (Http.Connection client = new Http.Connection(server.getPort())) {
            Http.Response answer = client.send("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertEquals(200, answer.status(), answer.text());
            assertEquals("own GET " + target + " 0", answer.text());
        }
    }

    @Test
    void expectContinueIsAnsweredBeforeTheBodyIsSent() throws InterruptedException {
        try (Http.Connection client = new Http.Connection(server.getPort())) {
            client.send("POST /users/expect HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
            String interim = readLine(client) ;
            assertTrue(interim.startsWith("HTTP/1.1 100"), interim);
            assertEquals("", readLine(client));
            client.send("hello");
            Http.Response answer = client.read();
            assertEquals("own POST /users/expect 5", answer.text());
            assertEquals("hello", users.awaitComplete("/users/expect", 1).get(0).bodyText());
        }
    }

    @Test
    void pipelinedRequestsWithBodiesAreAnsweredInOrderEachWithItsOwnBody() throws InterruptedException {
        StringBuilder pipeline = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            String body = "body-" + i + "-" + "x".repeat(i * 7);
            pipeline.append(i % 2 == 0
                    ? "POST /users/pipe/" + i + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\n\r\n"
                    + body
                    : "POST /users/pipe/" + i + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
        }
        try (Http.Connection client = new Http.Connection(server.getPort())) {
            client.send(pipeline.toString());
            for (int i = 1; i <= 5; i++) {
                String body = "body-" + i + "-" + "x".repeat(i * 7);
                Http.Response answer = client.read();
                assertEquals("own POST /users/pipe/" + i + " " + body.length(), answer.text());
                assertEquals(body, users.awaitComplete("/users/pipe/" + i, 1).get(0).bodyText());
            }
        }
        assertNothingFramedTwoWays("pipelined");
    }

    @Test
    void aRequestSentAfterA413OnTheSameConnectionIsNeverRead() {
        try (Http.Connection client = new Http.Connection(server.getPort())) {
            int smuggledBefore = smuggled().size();
            client.send("POST /users/big HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n");
            Http.Response refused = client.read();
            assertEquals(413, refused.status());
            assertEquals("{\"status\":\"fail\",\"message\":\"Payload too large.\"}", refused.text());
            try {
                client.send(SMUGGLED);
            } catch (IllegalStateException closedWhileSending) {
                // main closed first: also a refusal
            }
            assertTrue(client.closedByPeer(5_000));
            assertEquals(smuggledBefore, smuggled().size());
        }
    }

    private static String readLine(Http.Connection client) {
        StringBuilder line = new StringBuilder();
        try {
            for (int c; (c = client.in().read()) >= 0; ) {
                if (c == '\n') {
                    return line.toString().strip();
                }
                line.append((char) c);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return line.toString();
    }
}
