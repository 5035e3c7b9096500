package dev.dojo.common.observability;

import dev.dojo.common.requestid.RequestIdFilter;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

import java.util.HashMap;
import java.util.Map;

/**
 * Puts the request id and the trace and span ids into the MDC of every log line written while the request is
 * served. The MDC travels in the request's propagated context, not in a thread-local set once: Micronaut restores
 * it on the event loop, on {@code @ExecuteOn} worker threads and in injected executors, and removes it afterwards.
 * Runs right after the tracing filter, so {@link Span#current()} is this request's server span.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class LogCorrelationFilter implements Ordered {

    public static final String REQUEST_ID = RequestIdFilter.MDC_KEY;
    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";

    @RequestFilter
    public void correlate(HttpRequest<?> request, MutablePropagatedContext context) {
        Map<String, String> mdc = new HashMap<>(4);
        mdc.put(REQUEST_ID, RequestIdFilter.requestId(request));
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            mdc.put(TRACE_ID, span.getTraceId());
            mdc.put(SPAN_ID, span.getSpanId());
        }
        context.add(new MdcPropagationContext(mdc));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.after();
    }
}
