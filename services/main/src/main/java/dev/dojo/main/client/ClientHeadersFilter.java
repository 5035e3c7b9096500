package dev.dojo.main.client;

import dev.dojo.common.caching.NoStoreFilter;
import dev.dojo.common.caching.PublicCaching;
import dev.dojo.main.proxy.GatewayFilter;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;

import java.util.Optional;

/**
 * Security headers on every answer main sends, proxied ones included: {@code nosniff} and the referrer policy on
 * all, and on every HTML page (the client's, and swapper's API docs under {@code /docs}) the content security policy
 * with {@code frame-ancestors 'none'} and {@code X-Frame-Options}. The edge sets them, whatever a service sent, so
 * no page reaches a browser without them. Caching headers for the client bundle main serves itself: Vite puts a
 * content hash in every file name under {@code /assets/}, so those never change and are cached for a year;
 * {@code index.html} names the current hashes, so browsers must revalidate it on every visit, and so must the
 * bundle's other files. Nothing else main answers itself is kept by a cache ({@code no-store}): a 404 is cacheable
 * by default (RFC 9111 §4.2.2), and a kept one would outlive the page it stood for.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ClientHeadersFilter implements Ordered {

    /** How long a hashed asset is kept: its name changes with its content. */
    private static final int A_YEAR = 31_536_000;
    static final String REVALIDATE = "no-cache";

    private final ClientSettings settings;

    public ClientHeadersFilter(ClientSettings settings) {
        this.settings = settings;
    }

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        settings.everyAnswer(response.getHeaders()::set);
        Optional<MediaType> type = response.getContentType();
        if (request.getAttribute(GatewayFilter.UPSTREAM).isPresent()) {
            // a service's answer: its caching is its own (every service sets one); a page gets the same policy as
            // the client's. main's own answer on a proxied path (a broken body, a service down) is not kept
            if (type.map(t -> t.matches(MediaType.TEXT_HTML_TYPE)).orElse(false)) {
                pageHeaders(response);
            }
            NoStoreFilter.unlessCached(response);
            return;
        }
        // a static file's content type is only set when it is written, after this filter: go by the path too
        String path = request.getPath();
        boolean html = type.map(t -> t.matches(MediaType.TEXT_HTML_TYPE)).orElse(false)
                || path.equals("/") || path.endsWith(".html");
        if (html) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, REVALIDATE);
            response.getHeaders().remove(HttpHeaders.EXPIRES);
            pageHeaders(response);
        } else if (path.startsWith("/assets/") && response.code() < 400) {
            PublicCaching.keep(response.getHeaders(), A_YEAR, true);
        } else if (response.body() instanceof FileCustomizableResponseType) {
            // another file of the bundle (favicon.ico…): kept, but revalidated by its Last-Modified
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, REVALIDATE);
        } else {
            // main's own other answers — its 404s, 405s, refusals, health — are not kept: NoStoreFilter's rule, called
            // here rather than by the filter, which main leaves off (one filter method less per proxied request)
            NoStoreFilter.unlessCached(response);
        }
    }

    private void pageHeaders(MutableHttpResponse<?> response) {
        response.getHeaders().set("Content-Security-Policy", settings.contentSecurityPolicy());
        response.getHeaders().set("X-Frame-Options", "DENY");
    }

    @Override
    public int getOrder() {
        // before every filter that may answer by itself (the path guard, the rate limit, the gateway): this
        // response method then sees each of their answers, not only the routes'
        return HIGHEST_PRECEDENCE + 2;
    }
}
