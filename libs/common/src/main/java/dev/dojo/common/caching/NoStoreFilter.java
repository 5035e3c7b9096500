package dev.dojo.common.caching;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * {@code Cache-Control: no-store} on every answer of a service that did not choose its own caching. Its answers
 * carry tokens (sign-in and refresh: RFC 6749 §5.1 asks exactly this of a token response) and one person's data
 * (status, scores, submissions), and none is meant to be kept by a browser's or a proxy's cache; an endpoint that
 * may be cached says so with its own {@code Cache-Control}, which is left as it is. main turns this off
 * ({@code dojo.no-store.enabled=false}): its {@code ClientHeadersFilter} sets the caching of every answer main makes
 * itself (the client bundle's, no-store for the rest), and the services' answers pass through it with this header.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "dojo.no-store.enabled", notEquals = "false")
public class NoStoreFilter implements Ordered {

    static final String NO_STORE = "no-store";

    @ResponseFilter
    public void noStore(MutableHttpResponse<?> response) {
        unlessCached(response);
    }

    /** Marks {@code response} no-store unless it chose its caching (main's own answers, from its filter). */
    public static void unlessCached(MutableHttpResponse<?> response) {
        if (!response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE; // its response method runs last, after every other filter set its headers
    }
}
