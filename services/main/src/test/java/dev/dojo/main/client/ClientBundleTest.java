package dev.dojo.main.client;

import dev.dojo.main.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real client bundle (the dojo-client jar) as main serves it. */
@MicronautTest
class ClientBundleTest {

    private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");

    @Inject
    EmbeddedServer server;

    private String base() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private HttpResponse<String> page(String path) {
        return Http.send(Http.request(base(), path).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
    }

    @Test
    void servesIndexUncachedWithSecurityHeaders() {
        HttpResponse<String> response = page("/");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<div id=\"root\">"), response.body());
        assertIndexHeaders(response);
    }

    @Test
    void fallsBackToIndexForClientRoutes() {
        for (String route : new String[]{"/all-users", "/login", "/about", "/status"}) {
            HttpResponse<String> response = page(route);
            assertEquals(200, response.statusCode(), route);
            assertTrue(response.body().contains("<div id=\"root\">"), route);
            assertIndexHeaders(response);
            // the page or the JSON 404, by Accept: a shared cache must not hand one to the other's caller
            assertTrue(response.headers().allValues("Vary").contains("Accept"), route);
        }
        // any range that takes HTML; before, text/* was a JSON 404
        for (String accept : new String[]{"text/*", "TEXT/HTML", "text/*;q=0.1, image/png"}) {
            HttpResponse<String> response = Http.send(Http.request(base(), "/about").header("Accept", accept));
            assertEquals(200, response.statusCode(), accept);
            assertTrue(response.body().contains("<div id=\"root\">"), accept);
        }
    }

    @Test
    void keepsJsonNotFoundForNonPageRequests() {
        HttpResponse<String> response = Http.send(Http.request(base(), "/missing.js").header("Accept", "*/*"));
        assertEquals(404, response.statusCode());
        assertEquals("{\"status\":\"fail\",\"message\":\"Not found.\"}", response.body());
        // a 404 is cacheable unless it says otherwise (RFC 9111 §4.2.2): a kept one for a client route, fetched by
        // an API caller, would have shut browsers out of that page; and it depends on Accept
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(response.headers().allValues("Vary").contains("Accept"), response.headers().toString());
        HttpResponse<String> api = Http.send(Http.request(base(), "/about").header("Accept", "application/json"));
        assertEquals(404, api.statusCode());
        assertEquals("no-store", api.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(api.headers().allValues("Vary").contains("Accept"), api.headers().toString());
        // other methods get the 404 whatever the Accept: nothing to vary
        HttpResponse<String> post = Http.send(Http.request(base(), "/about").header("Accept", "text/html")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(404, post.statusCode());
        assertTrue(!post.headers().allValues("Vary").contains("Accept"), post.headers().toString());
    }

    private static ZonedDateTime date(HttpResponse<?> response, String header) {
        return ZonedDateTime.parse(response.headers().firstValue(header).orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    @Test
    void cachesHashedAssetsForeverAndCompressesThem() throws IOException {
        Matcher script = SCRIPT.matcher(page("/").body());
        assertTrue(script.find(), "index.html names no /assets/*.js");
        HttpResponse<byte[]> plain = Http.send(Http.request(base(), script.group(1)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, plain.statusCode());
        assertEquals("public, max-age=31536000, immutable", plain.headers().firstValue("Cache-Control").orElse(null));
        // an HTTP/1.0 cache reads only Expires: the same year, not Micronaut's "now"
        Duration kept = Duration.between(date(plain, "Date"), date(plain, "Expires"));
        assertTrue(kept.minus(Duration.ofDays(365)).abs().getSeconds() <= 2, "Expires a year after Date: " + kept);
        assertEquals("nosniff", plain.headers().firstValue("X-Content-Type-Options").orElse(null));
        // kept by shared caches for a year, gzipped for some callers only: it must say it varies by the coding
        assertEquals(List.of("Accept-Encoding"), plain.headers().allValues("Vary"));

        HttpResponse<byte[]> gzipped = Http.send(Http.request(base(), script.group(1))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
        assertEquals(List.of("Accept-Encoding"), gzipped.headers().allValues("Vary"));
        assertTrue(gzipped.body().length < plain.body().length / 2,
                gzipped.body().length + " vs " + plain.body().length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertEquals(plain.body().length, in.readAllBytes().length);
        }
    }

    @Test
    void answersTheBundlesDirectoriesNotFound() {
        // Micronaut served /assets as an empty 200 text/plain file, cacheable for a year
        for (String path : new String[]{"/assets", "/assets/"}) {
            for (String accept : new String[]{"*/*", "text/html"}) {
                HttpResponse<String> response = Http.send(Http.request(base(), path).header("Accept", accept));
                assertEquals(404, response.statusCode(), path + " " + accept);
                assertEquals("{\"status\":\"fail\",\"message\":\"Not found.\"}", response.body(), path);
                assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null), path);
            }
            HttpResponse<String> head = Http.send(Http.request(base(), path).method("HEAD",
                    java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertEquals(404, head.statusCode(), "HEAD " + path);
        }
    }

    @Test
    void servesTheBundlesFilesToGetAndHeadOnly() {
        Matcher script = SCRIPT.matcher(page("/").body());
        assertTrue(script.find(), "index.html names no /assets/*.js");
        for (String path : new String[]{"/favicon.ico", "/index.html", script.group(1)}) {
            HttpResponse<String> head = Http.send(Http.request(base(), path).method("HEAD",
                    java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, head.statusCode(), "HEAD " + path);
            for (String method : new String[]{"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
                // before: 200 and the file, for any method
                HttpResponse<String> response = Http.send(Http.request(base(), path)
                        .header("Content-Type", "application/json")
                        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
                assertEquals(405, response.statusCode(), method + " " + path);
                assertEquals("{\"status\":\"fail\",\"message\":\"Method not allowed.\"}", response.body());
                assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElse(null), method + " " + path);
                assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
            }
        }
        // a client route still falls back to the page for a browser, and stays 404 for other methods
        assertEquals(404, Http.send(Http.request(base(), "/about").header("Accept", "text/html")
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.noBody())).statusCode());
    }

    @Test
    void revalidatesTheBundlesOtherFiles() {
        // favicon.ico had Micronaut's "private, max-age=0"; an image is never compressed, so it does not vary
        HttpResponse<String> icon = Http.send(Http.request(base(), "/favicon.ico").header("Accept-Encoding", "gzip"));
        assertEquals(200, icon.statusCode());
        assertEquals("no-cache", icon.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(List.of(), icon.headers().allValues("Vary"));
        // revalidated by its Last-Modified, an IMF-fixdate (two-digit day) a strict cache can read
        for (String date : new String[]{"Last-Modified", "Date"}) {
            String value = icon.headers().firstValue(date).orElse("");
            assertTrue(value.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"),
                    date + ": " + value);
        }
    }

    private static void assertIndexHeaders(HttpResponse<String> response) {
        assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElse(null));
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("strict-origin-when-cross-origin", response.headers().firstValue("Referrer-Policy").orElse(null));
    }
}
