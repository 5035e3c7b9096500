package dev.dojo.common.observability;

import dev.dojo.common.requestid.RequestIdFilter;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Map;

/**
 * Puts the request id into the MDC of every log line written while the request is served. The MDC travels in the
 * request's propagated context, not in a thread-local set once: Micronaut restores it on the event loop, on
 * {@code @ExecuteOn} worker threads and in injected executors, and removes it afterwards. The trace and span ids
 * are not copied here: the propagated context already makes the request's OpenTelemetry context current on those
 * threads, and the "otel" appender of {@code dev/dojo/common/logback-appenders.xml} reads them when a line is
 * written. Each entry of this MDC is copied at every context switch (several per proxied request), so it holds the
 * one id nothing else carries.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class LogCorrelationFilter implements Ordered {

    public static final String REQUEST_ID = RequestIdFilter.MDC_KEY;

    @RequestFilter
    public void correlate(HttpRequest<?> request, MutablePropagatedContext context) {
        context.add(new MdcPropagationContext(Map.of(REQUEST_ID, RequestIdFilter.requestId(request))));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.after();
    }
}
