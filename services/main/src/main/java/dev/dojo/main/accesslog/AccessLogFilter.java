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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on logger {@code dojo.access}: method, path, status, milliseconds until the response started
 * (a streamed body may still be flowing), the service that answered ({@code -} for main itself) and the request id.
 * Turned off with {@code dojo.access-log.enabled=false}; logback.xml writes it through an async appender so a slow
 * console never slows requests.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "dojo.access-log.enabled", notEquals = "false")
public class AccessLogFilter implements Ordered {

    private static final Logger ACCESS = LoggerFactory.getLogger("dojo.access");
    private static final String STARTED = "dojo.accessLog.started";

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        // built by hand and logged as one string: this runs on the event loop for every request, and the
        // parameterised form cost a format pass plus typed attribute look-ups (bench/gateway/RESULTS.md)
        Object started = request.getAttribute(STARTED).orElse(null);
        long tenthsOfMillis = started instanceof Long nanos ? (System.nanoTime() - nanos) / 100_000 : 0;
        Object upstream = request.getAttribute(GatewayFilter.UPSTREAM).orElse("-");
        String line = new StringBuilder(96)
                .append(request.getMethodName()).append(' ')
                .append(request.getPath()).append(' ')
                .append(response.code()).append(' ')
                .append(tenthsOfMillis / 10).append('.').append(tenthsOfMillis % 10).append("ms upstream=")
                .append(upstream).append(" id=")
                .append(RequestIdFilter.requestId(request))
                .toString();
        ACCESS.info(line);
    }

    @Override
    public int getOrder() {
        // right after RequestIdFilter: the id is known, and the whole chain is timed
        return HIGHEST_PRECEDENCE + 1;
    }
}
