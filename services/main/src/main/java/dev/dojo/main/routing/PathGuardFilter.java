package dev.dojo.main.routing;

import dev.dojo.common.envelope.Envelope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Refuses, before anything else looks at it, a request whose path {@link EdgePath} refuses: no route, rate limit or
 * service ever reads such a path in its own way.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class PathGuardFilter implements Ordered {

    static final String INVALID_PATH = "Invalid path.";

    @RequestFilter
    @Nullable
    public HttpResponse<?> guard(HttpRequest<?> request) {
        if (EdgePath.of(request).isPresent()) {
            return null;
        }
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(Envelope.fail(INVALID_PATH));
    }

    @Override
    public int getOrder() {
        // before the rate limit and the gateway, both of which read the canonical path
        return ServerFilterPhase.SECURITY.before() - 10;
    }
}
