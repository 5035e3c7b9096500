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
        long started = request.getAttribute(STARTED, Long.class).orElseGet(System::nanoTime);
        long tenthsOfMillis = (System.nanoTime() - started) / 100_000;
        ACCESS.info("{} {} {} {}.{}ms upstream={} id={}",
                request.getMethodName(),
                request.getPath(),
                response.code(),
                tenthsOfMillis / 10,
                tenthsOfMillis % 10,
                request.getAttribute(GatewayFilter.UPSTREAM, String.class).orElse("-"),
                RequestIdFilter.requestId(request));
    }

    @Override
    public int getOrder() {
        // right after RequestIdFilter: the id is known, and the whole chain is timed
        return HIGHEST_PRECEDENCE + 1;
    }
}
