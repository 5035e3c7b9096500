package dev.dojo.users;

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
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Real HTTP calls against the service under test, answering status and body whatever the status. */
public final class Api {

    /** A response: status, JSON body (may be null) and headers. */
    public record Reply(int status, Map<String, Object> body, HttpHeaders headers) {
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
        public Reply expect(int expectedStatus, String envelopeStatus, String expectedMessage) {
            assertEquals(expectedStatus, status, () -> "status; body " + body);
            assertEquals(envelopeStatus, body.get("status"), () -> "envelope status; body " + body);
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

    public Api(HttpClient client, URL base) {
        this.client = client;
        this.base = base.toString();
    }

    public Reply get(String path) {
        return send(HttpRequest.GET(base + path));
    }

    public Reply get(String path, String bearer) {
        return send(HttpRequest.GET(base + path).bearerAuth(bearer));
    }

    public Reply getWithAuthorization(String path, String authorizationHeader) {
        return send(HttpRequest.GET(base + path).header(HttpHeaders.AUTHORIZATION, authorizationHeader));
    }

    public Reply post(String path, Object body) {
        return send(HttpRequest.POST(base + path, body).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    public Reply post(String path, Object body, String bearer) {
        return send(HttpRequest.POST(base + path, body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(bearer));
    }

    /** Sends a body exactly as given (malformed JSON, odd content types). */
    public Reply postRaw(String path, String body, String contentType) {
        return send(HttpRequest.POST(base + path, body).contentType(contentType));
    }

    public Reply send(MutableHttpRequest<?> request) {
        try {
            HttpResponse<Map<String, Object>> response = client.toBlocking().exchange(request, MAP, MAP);
            return new Reply(response.code(), response.body(), response.getHeaders());
        } catch (HttpClientResponseException e) {
            return new Reply(e.code(), e.getResponse().getBody(MAP).orElse(null), e.getResponse().getHeaders());
        }
    }

    /** Registers a fresh account with unique names and answers the register reply. */
    public Reply registerFresh(String password) {
        String name = "user" + UUID.randomUUID().toString().substring(0, 12);
        return post("/auth/register", Map.of("username", name, "email", name + "@example.com",
                "password", password));
    }

    public Reply register(String username, String email, String password) {
        return post("/auth/register", Map.of("username", username, "email", email, "password", password));
    }

    public Reply login(String email, String password) {
        return post("/auth/login", Map.of("email", email, "password", password));
    }

    public int userCount() {
        Reply reply = get("/users");
        assertEquals(200, reply.status());
        return ((List<?>) reply.data().get("users")).size();
    }
}
