package dev.dojo.eval.testing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.net.URL;
import java.util.Map;

/** A thin blocking client for eval's API that returns error responses instead of throwing them. */
public final class Api {

    private final HttpClient client;
    private final String base;

    public Api(HttpClient client, URL base) {
        this.client = client;
        this.base = base.toString();
    }

    public Response get(String path, @Nullable String token) {
        return send(HttpRequest.GET(base + path), token);
    }

    public Response post(String path, Object body, @Nullable String token) {
        return send(HttpRequest.POST(base + path, body).contentType(MediaType.APPLICATION_JSON_TYPE), token);
    }

    public Response put(String path, Object body, @Nullable String token) {
        return send(HttpRequest.PUT(base + path, body).contentType(MediaType.APPLICATION_JSON_TYPE), token);
    }

    public Response delete(String path, @Nullable String token) {
        return send(HttpRequest.DELETE(base + path), token);
    }

    private Response send(MutableHttpRequest<?> request, @Nullable String token) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            HttpResponse<Map> response = client.toBlocking().exchange(request, Map.class);
            return new Response(response.code(), response.body());
        } catch (HttpClientResponseException e) {
            return new Response(e.code(), e.getResponse().getBody(Map.class).orElse(null));
        }
    }

    /** Status and JSON body. */
    public record Response(int status, @Nullable Map<String, Object> body) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> data() {
            return (Map<String, Object>) body.get("data");
        }

        public String message() {
            return (String) body.get("message");
        }
    }
}
