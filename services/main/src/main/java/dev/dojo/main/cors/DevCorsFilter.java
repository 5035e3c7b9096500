package dev.dojo.main.cors;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * CORS for exactly one origin, the development front end (the Vite dev server), and only when
 * {@code dojo.cors.origin} (env {@code DOJO_CORS_ORIGIN}) is set. In production the client comes from main's own
 * origin and needs no CORS at all. Micronaut's CORS support is not used because it answers a preflight only for
 * paths with a local route, and the API paths here are proxied.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "dojo.cors.origin")
public class DevCorsFilter implements Ordered {

    private static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String DEFAULT_HEADERS = "Authorization, Content-Type, X-Request-Id";
    private static final String EXPOSED_HEADERS = "X-Request-Id, Retry-After";

    private final String origin;

    public DevCorsFilter(@Value("${dojo.cors.origin}") String origin) {
        this.origin = origin;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> preflight(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.OPTIONS || !fromOrigin(request)
                || !request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)) {
            return null;
        }
        String requested = request.getHeaders().get(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        MutableHttpResponse<?> response = HttpResponse.ok();
        // this filter's response method does not run for an answer it produced itself
        allow(request, response);
        return response
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, requested != null ? requested : DEFAULT_HEADERS)
                .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
    }

    @ResponseFilter
    public void allow(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!fromOrigin(request)) {
            return;
        }
        response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }

    private boolean fromOrigin(HttpRequest<?> request) {
        return origin.equals(request.getHeaders().get(HttpHeaders.ORIGIN));
    }

    @Override
    public int getOrder() {
        // before rate limiting and proxying: a preflight is answered here and never counted or forwarded
        return ServerFilterPhase.METRICS.after();
    }
}
