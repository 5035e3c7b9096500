package dev.dojo.main.accesslog;

import dev.dojo.common.requestid.RequestIdFilter;
import dev.dojo.main.proxy.GatewayFilter;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Writes the {@link AccessLog} line of every request: main's own routes, the client bundle and proxied requests all
 * pass Micronaut's filters. Turned off with {@code dojo.access-log.enabled=false}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "dojo.access-log.enabled", notEquals = "false")
public class AccessLogFilter implements Ordered {

    private static final String STARTED = "dojo.accessLog.started";

    private final AccessLog accessLog;

    public AccessLogFilter(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        // untyped look-ups: this runs on the event loop for every request
        Object started = request.getAttribute(STARTED).orElse(null);
        accessLog.record(request.getMethodName(), request.getPath(), response.code(),
                started instanceof Long nanos ? nanos : System.nanoTime(),
                String.valueOf(request.getAttribute(GatewayFilter.UPSTREAM).orElse("-")),
                RequestIdFilter.requestId(request));
    }

    @Override
    public int getOrder() {
        // right after RequestIdFilter: the id is known, and the whole chain is timed
        return HIGHEST_PRECEDENCE + 1;
    }
}
