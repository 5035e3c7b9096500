package dev.dojo.users;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a caller's {@code Accept} may change, and what it may not (dojo-common's {@code EnvelopeErrorResponseProcessor}
 * and {@code AcceptNormalizer}): an error is always the JSON envelope — Micronaut rendered an HTML page for a
 * caller asking for {@code text/html} — an answer's media type is plain {@code application/json}, never the
 * parameters a caller wrote into {@code Accept}, and any range that takes JSON gets it.
 */
@MicronautTest(transactional = false)
class NegotiationTest extends UsersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";

    private HttpResponse<String> send(String method, String path, String accept, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Accept", accept).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertEnvelope(HttpResponse<String> response, int status, String message) {
        String what = response.request().method() + " " + response.request().uri().getPath() + " "
                + response.request().headers().firstValue("Accept").orElse("") + " "
                + response.request().headers().firstValue("Content-Encoding").orElse("");
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null), what);
        assertEquals("{\"status\":\"fail\",\"message\":\"" + message + "\"}", response.body(), what);
    }

    @Test
    void errorsAreTheJsonEnvelopeForCallersAskingForHtml() throws Exception {
        for (String accept : new String[]{"text/html", BROWSER}) {
            assertEnvelope(send("GET", "/auth/login", accept, null, null), 405, "Method not allowed.");
            assertEnvelope(send("DELETE", "/users", accept, null, null), 405, "Method not allowed.");
            assertEnvelope(send("POST", "/auth/register", accept, "text/plain", "{}"), 415,
                    "Unsupported media type: send application/json.");
            assertEnvelope(send("GET", "/nowhere", accept, null, null), 404, "Not found.");
        }
        // a caller accepting only HTML gets no JSON success: 406, in the envelope
        assertEnvelope(send("GET", "/ping", "text/html", null, null), 406,
                "Not acceptable: no answer of this endpoint matches the Accept header.");
        assertEnvelope(send("POST", "/auth/login", "text/html", "application/json", "{bad"), 406,
                "Not acceptable: no answer of this endpoint matches the Accept header.");
        HttpResponse<String> head = send("HEAD", "/auth/login", "text/html", null, null);
        assertEquals(405, head.statusCode());
        assertEquals("", head.body());
    }

    private HttpResponse<String> login(String coding, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (coding != null) {
            request.header("Content-Encoding", coding);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A body is read in its content coding or refused: gzip and deflate are inflated; a body that does not inflate
     * is malformed (it was a 500 with a stack trace); any other coding is refused with 415 (it was read as plain
     * bytes).
     */
    @Test
    void aBodyIsReadInItsContentCodingOrRefused() throws Exception {
        byte[] login = "{\"email\":\"nobody@example.com\",\"password\":\"a long enough password\"}"
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(login);
        }
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(deflated)) {
            deflate.write(login);
        }
        for (HttpResponse<String> read : List.of(login(null, login), login("identity", login),
                login("gzip", gzipped.toByteArray()), login("deflate", deflated.toByteArray()))) {
            assertEnvelope(read, 401, "User does not exist.");
        }
        for (String coding : List.of("gzip", "deflate", "x-gzip")) {
            HttpResponse<String> corrupt = login(coding, login);
            assertEnvelope(corrupt, 400, "Invalid payload.");
        }
        for (String coding : List.of("xyz", "br", "compress", "gzip, gzip", "identity, gzip")) {
            HttpResponse<String> unknown = login(coding, login);
            assertEnvelope(unknown, 415, "Unsupported content encoding: send the body unencoded, gzip or deflate.");
            assertEquals("gzip, deflate", unknown.headers().firstValue("Accept-Encoding").orElse(null), coding);
        }
    }

    @Test
    void theAnswersMediaTypeIsNeverTheCallersParameters() throws Exception {
        for (String accept : new String[]{"application/json;charset=utf-7", "application/json; foo=\"<script>\"",
                "application/json;q=0.5", "application/json", "*/*", "APPLICATION/JSON", "Application/Json;Q=1",
                "application/json ; charset=utf-8", "application/*", "application/*;q=0.3, text/html",
                "text/html;q=0.9, application/json;q=0.8;x=\"a, b\""}) {
            HttpResponse<String> ping = send("GET", "/ping", accept, null, null);
            assertEquals(200, ping.statusCode(), accept);
            assertEquals("application/json", ping.headers().firstValue("Content-Type").orElse(null), accept);
            assertEquals("{\"status\":\"success\",\"message\":\"pong!\"}", ping.body(), accept);
        }
        // two Accept lines are one list (RFC 9110 §5.3)
        HttpResponse<String> twoLines = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/ping"))
                .header("Accept", "text/html").header("Accept", "application/*;q=0.5").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, twoLines.statusCode(), twoLines.body());
        assertEquals("application/json", twoLines.headers().firstValue("Content-Type").orElse(null));
        HttpResponse<String> refused = send("POST", "/auth/login", "application/json;charset=utf-7", "application/json",
                "{\"email\":\"nobody@example.com\",\"password\":\"a long enough password\"}");
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals("application/json", refused.headers().firstValue("Content-Type").orElse(null));
    }

    /**
     * A HEAD answer carries the GET's Content-Type and Content-Length (dojo-common's {@code HeadAnswerFilter}):
     * Micronaut sent neither and closed the connection after every HEAD.
     */
    @Test
    void headAnswersWithTheGetsTypeAndLengthAndKeepsTheConnection() throws Exception {
        for (String path : List.of("/ping", "/users", "/users/1", "/swagger/users.yml")) {
            HttpResponse<byte[]> get = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<String> head = send("HEAD", path, "*/*", null, null);
            assertEquals(get.statusCode(), head.statusCode(), path);
            assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), path);
            assertEquals(String.valueOf(get.body().length), head.headers().firstValue("Content-Length").orElse(null),
                    path);
        }
        // a caller taking gzip may get a text answer compressed (main compresses any size): its HEAD states no
        // length then (RFC 9110 §8.6: only the GET's own), only the type; YAML is never compressed, and keeps it
        for (String path : List.of("/ping", "/users")) {
            HttpResponse<Void> zippedHead = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .header("Accept-Encoding", "gzip, deflate").method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(200, zippedHead.statusCode(), path);
            assertEquals(true, zippedHead.headers().firstValue("Content-Type").isPresent(), path);
            assertEquals(java.util.Optional.empty(), zippedHead.headers().firstValue("Content-Length"), path);
        }
        // a hostile Accept-Encoding is read as no coding named, not a 500 (";;" split into nothing)
        for (String hostile : List.of(";;,,q=", ";", ",", " ; q=1")) {
            HttpResponse<Void> odd = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/ping"))
                    .header("Accept-Encoding", hostile).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(200, odd.statusCode(), hostile);
            assertEquals("application/json", odd.headers().firstValue("Content-Type").orElse(null), hostile);
        }
        HttpResponse<Void> yamlHead = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL()
                + "/swagger/users.yml")).header("Accept-Encoding", "gzip")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(true, yamlHead.headers().firstValue("Content-Length").isPresent());
        try (java.net.Socket socket = new java.net.Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("HEAD /ping HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertEquals(2, answers.split("HTTP/1.1 200 OK", -1).length - 1, answers);
            assertEquals(true, answers.endsWith("{\"status\":\"success\",\"message\":\"pong!\"}"), answers);
        }
    }

    @Test
    void answersThatMayBeCompressedSayTheyVaryByTheCoding() throws Exception {
        // a text answer is gzipped for a caller taking gzip and not for one that does not: a shared cache must key
        // it by Accept-Encoding (dojo-common's VaryOnCoding) — Micronaut's compressor did not say so
        for (String coding : new String[]{null, "gzip", "identity", "br;q=1, gzip;q=0.5"}) {
            for (String path : List.of("/ping", "/users", "/users/999999", "/nowhere")) {
                for (String method : List.of("GET", "HEAD")) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                            .method(method, HttpRequest.BodyPublishers.noBody());
                    if (coding != null) {
                        request.header("Accept-Encoding", coding);
                    }
                    HttpResponse<byte[]> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    String what = method + " " + path + " " + coding;
                    assertEquals(List.of("Accept-Encoding"), answer.headers().allValues("Vary"), what);
                    boolean gzipped = answer.headers().firstValue("Content-Encoding").filter("gzip"::equals)
                            .isPresent();
                    // (a service compresses from 1 KB on; main, which proxies these, any size)
                    assertEquals(false, gzipped && !(coding.contains("gzip") && method.equals("GET")), what);
                }
            }
        }
        // YAML is not compressed (Micronaut counts it as no text), so its answer does not vary
        HttpResponse<String> yaml = send("GET", "/swagger/users.yml", "*/*", null, null);
        assertEquals(200, yaml.statusCode());
        assertEquals(List.of(), yaml.headers().allValues("Vary"));
    }

    @Test
    void datesAreImfFixdates() throws Exception {
        // RFC 9110 §5.6.7: two digits for the day; Micronaut wrote "Fri, 4 Dec 2026 …" from the 1st to the 9th
        java.util.regex.Pattern fixdate = java.util.regex.Pattern.compile(
                "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
                        + "\\d{2}:\\d{2}:\\d{2} GMT");
        for (String path : List.of("/ping", "/users", "/nowhere")) {
            HttpResponse<String> answer = send("GET", path, "*/*", null, null);
            String date = answer.headers().firstValue("Date").orElse("");
            assertEquals(true, fixdate.matcher(date).matches(), path + ": " + date);
        }
    }
}
