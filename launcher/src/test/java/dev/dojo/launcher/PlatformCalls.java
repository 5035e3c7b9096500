package dev.dojo.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** JSON calls to a running platform through main's port, each with the status the test expects. */
final class PlatformCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;

    PlatformCalls(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /**
     * Sends {@code body} (or nothing) as JSON with an optional bearer token and an optional W3C trace id (sampled),
     * asserts the status and returns the answer's JSON.
     */
    JsonNode call(String method, String path, Object body, String bearer, String traceId, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (traceId != null) {
            request.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + path + " → " + response.body());
        return JSON.readTree(response.body());
    }
}
