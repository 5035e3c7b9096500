package dev.dojo.testing.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Real blocking HTTP calls against a service under test, answering status, JSON body and headers whatever the
 * status (an error answer is a value to assert, not an exception). A service's tests extend it with their domain's
 * calls (register, create an exercise…). A {@code null} bearer sends no Authorization header.
 */
public class JsonApi {

    /** A response: status, JSON body (null when there is none) and headers. */
    public record Reply(int status, @Nullable Map<String, Object> body, HttpHeaders headers) {

        public String message() {
            return (String) body.get("message");
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> data() {
            return (Map<String, Object>) body.get("data");
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> errors() {
            return (List<Map<String, Object>>) body.get("errors");
        }

        public String authToken() {
            return (String) body.get("auth_token");
        }

        public String refreshToken() {
            return (String) body.get("refresh_token");
        }

        /** Asserts status plus the envelope's status and message. */
        public Reply expect(int expectedStatus, String envelopeStatus, @Nullable String expectedMessage) {
            assertEquals(expectedStatus, status, () -> "status; body " + body);
            assertEquals(envelopeStatus, body == null ? null : body.get("status"), () -> "envelope status; body " + body);
            assertEquals(expectedMessage, message(), () -> "message; body " + body);
            return this;
        }

        public Reply expectFail(int expectedStatus, String expectedMessage) {
            return expect(expectedStatus, "fail", expectedMessage);
        }
    }

    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    private final HttpClient client;
    private final String base;

    public JsonApi(HttpClient client, URL base) {
        this.client = client;
        this.base = base.toString();
    }

    public Reply get(String path) {
        return get(path, null);
    }

    public Reply get(String path, @Nullable String bearer) {
        return send(HttpRequest.GET(base + path), bearer);
    }

    public Reply getWithAuthorization(String path, String authorizationHeader) {
        return send(HttpRequest.GET(base + path).header(HttpHeaders.AUTHORIZATION, authorizationHeader));
    }

    public Reply post(String path, Object body) {
        return post(path, body, null);
    }

    public Reply post(String path, Object body, @Nullable String bearer) {
        return send(HttpRequest.POST(base + path, body).contentType(MediaType.APPLICATION_JSON_TYPE), bearer);
    }

    public Reply put(String path, Object body, @Nullable String bearer) {
        return send(HttpRequest.PUT(base + path, body).contentType(MediaType.APPLICATION_JSON_TYPE), bearer);
    }

    public Reply delete(String path, @Nullable String bearer) {
        return send(HttpRequest.DELETE(base + path), bearer);
    }

    /** Sends a body exactly as given (malformed JSON, odd content types). */
    public Reply postRaw(String path, String body, String contentType) {
        return postRaw(path, body, contentType, null);
    }

    /** {@link #postRaw(String, String, String)} as a signed-in caller. */
    public Reply postRaw(String path, String body, String contentType, @Nullable String bearer) {
        return send(HttpRequest.POST(base + path, body).contentType(contentType), bearer);
    }

    private Reply send(MutableHttpRequest<?> request, @Nullable String bearer) {
        return send(bearer == null ? request : request.bearerAuth(bearer));
    }

    public Reply send(MutableHttpRequest<?> request) {
        try {
            HttpResponse<Map<String, Object>> response = client.toBlocking().exchange(request, MAP, MAP);
            return new Reply(response.code(), response.body(), response.getHeaders());
        } catch (HttpClientResponseException e) {
            return new Reply(e.code(), e.getResponse().getBody(MAP).orElse(null), e.getResponse().getHeaders());
        }
    }
}
