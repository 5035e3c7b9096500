package dev.dojo.main.client;

import dev.dojo.main.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * main's own answers, like the services': an error is the JSON envelope whatever the caller accepts (Micronaut
 * rendered an HTML page for {@code Accept: text/html}), a JSON answer says plain {@code application/json}
 * (Micronaut copied the parameters of the caller's {@code Accept} into it), and any range that takes JSON gets it
 * (Micronaut answered {@code application/*} 406).
 */
@MicronautTest
class OwnAnswersNegotiationTest {

    @Inject
    EmbeddedServer server;

    private HttpResponse<String> send(String method, String path, String accept) {
        return Http.send(Http.request("http://127.0.0.1:" + server.getPort(), path).header("Accept", accept)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private static void assertEnvelope(HttpResponse<String> response, int status, String message) {
        String what = response.request().method() + " " + response.request().uri().getPath();
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null), what);
        assertEquals("{\"status\":\"fail\",\"message\":\"" + message + "\"}", response.body(), what);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), what);
    }

    @Test
    void errorsAreTheJsonEnvelopeForCallersAskingForHtml() {
        assertEnvelope(send("DELETE", "/health/liveness", "text/html"), 405, "Method not allowed.");
        assertEnvelope(send("POST", "/health", "text/html,*/*;q=0.8"), 405, "Method not allowed.");
        assertEnvelope(send("GET", "/health/liveness", "text/html"), 406,
                "Not acceptable: no answer of this endpoint matches the Accept header.");
        assertEnvelope(send("POST", "/favicon.ico", "text/html"), 405, "Method not allowed.");
    }

    @Test
    void mainsJsonAnswersSayPlainApplicationJson() {
        for (String accept : new String[]{"application/json;charset=utf-7", "application/json; x=\"<b>\"", "*/*",
                "application/*", "APPLICATION/JSON", "application/json;q=0.5", "application/json ; charset=utf-8",
                "text/html;q=0.9, application/*;q=0.1"}) {
            HttpResponse<String> live = send("GET", "/health/liveness", accept);
            assertEquals(200, live.statusCode(), accept + ": " + live.body());
            assertEquals("application/json", live.headers().firstValue("Content-Type").orElse(null), accept);
        }
    }

    /**
     * A HEAD of main's own answers says what the GET would (dojo-common's {@code HeadAnswerFilter}): Micronaut sent
     * no Content-Type or Content-Length and closed the connection; a client route's HEAD got 404.
     */
    @Test
    void headSaysWhatTheGetWouldAndKeepsTheConnection() {
        for (String path : new String[]{"/", "/about", "/favicon.ico", "/health", "/health/liveness", "/missing.js"}) {
            HttpResponse<byte[]> get = Http.send(Http.request("http://127.0.0.1:" + server.getPort(), path)
                    .header("Accept", "text/html,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<String> head = send("HEAD", path, "text/html,*/*;q=0.8");
            assertEquals(get.statusCode(), head.statusCode(), path);
            assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), path);
            assertEquals(String.valueOf(get.body().length),
                    head.headers().firstValue("Content-Length").orElse(null), path);
        }
        String answers = Http.raw("127.0.0.1", server.getPort(), "HEAD /health/liveness HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /health/liveness HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(2, answers.split("HTTP/1.1 200 ", -1).length - 1, answers);
    }
}
