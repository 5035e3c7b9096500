package dev.dojo.main.client;

import dev.dojo.main.proxy.GatewayFilter;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Optional;

/**
 * Caching and security headers for what main serves itself (the services set their own on proxied answers).
 * Vite puts a content hash in every file name under {@code /assets/}, so those never change and are cached for a
 * year; {@code index.html} names the current hashes, so browsers must revalidate it on every visit.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ClientHeadersFilter implements Ordered {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    private final ClientSettings settings;

    public ClientHeadersFilter(ClientSettings settings) {
        this.settings = settings;
    }

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(GatewayFilter.UPSTREAM).isPresent()) {
            return;
        }
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("Referrer-Policy", settings.referrerPolicy());
        Optional<MediaType> type = response.getContentType();
        // a static file's content type is only set when it is written, after this filter: go by the path too
        String path = request.getPath();
        boolean html = type.map(t -> t.matches(MediaType.TEXT_HTML_TYPE)).orElse(false)
                || path.equals("/") || path.endsWith(".html");
        if (html) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, REVALIDATE);
            response.getHeaders().remove(HttpHeaders.EXPIRES);
            response.getHeaders().set("Content-Security-Policy", settings.contentSecurityPolicy());
            response.getHeaders().set("X-Frame-Options", "DENY");
        } else if (path.startsWith("/assets/") && response.code() < 400) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
            response.getHeaders().remove(HttpHeaders.EXPIRES);
        }
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
