package dev.dojo.swapper.spec;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Downloads one service's generated spec from {@code <base>/swagger/<service>.yml}. */
@Singleton
public class SpecFetcher {

    private final HttpClient http;
    private final DocsSettings settings;

    public SpecFetcher(DocsSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.fetchTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * @return the spec's text
     * @throws SpecUnavailableException when the service cannot be reached or does not answer 200 with a body
     */
    public String fetch(String service, URI base) {
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + "/swagger/" + service + ".yml");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.fetchTimeout()).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200 || response.body().isBlank()) {
                throw new SpecUnavailableException("HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new SpecUnavailableException("unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpecUnavailableException("interrupted while fetching");
        }
    }
}
