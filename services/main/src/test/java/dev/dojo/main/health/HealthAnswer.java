package dev.dojo.main.health;

import dev.dojo.main.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * One answer of main's health endpoints, fetched over HTTP as a probe would, its body read as JSON by main's own
 * mapper. Read on demand, so a test checks the status before a body that is not JSON can fail it.
 */
record HealthAnswer(HttpResponse<String> response, JsonMapper json) {

    static HealthAnswer get(EmbeddedServer main, String path) {
        return new HealthAnswer(Http.get("http://127.0.0.1:" + main.getPort(), path),
                main.getApplicationContext().getBean(JsonMapper.class));
    }

    int status() {
        return response.statusCode();
    }

    String text() {
        return response.body();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> body() throws IOException {
        return json.readValue(response.body(), Map.class);
    }
}
