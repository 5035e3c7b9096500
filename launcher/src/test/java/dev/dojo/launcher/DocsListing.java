package dev.dojo.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the docs portal lists. Swagger UI pages name their specs in a config (inline {@code urls: [...]} or a
 * {@code configUrl}); this follows the config the page points at, so the test checks the list the browser shows.
 */
final class DocsListing {

    private static final Pattern CONFIG_URL = Pattern.compile("configUrl\\s*[:=]\\s*[\"']([^\"']+)[\"']");

    private DocsListing() {
    }

    static String servicesSeenBy(HttpClient http, String base, HttpResponse<String> portal) throws Exception {
        Matcher config = CONFIG_URL.matcher(portal.body());
        if (!config.find()) {
            return "";
        }
        URI uri = portal.uri().resolve(config.group(1));
        if (!uri.isAbsolute()) {
            uri = URI.create(base).resolve(config.group(1));
        }
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
