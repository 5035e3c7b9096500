package dev.dojo.main.observability;

import dev.dojo.common.requestid.RequestIdFilter;
import dev.dojo.main.accesslog.AccessLog;
import dev.dojo.main.proxy.GatewayFilter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * What main observes of every request, in one filter: its {@link AccessLog} line, its {@link GatewayTimers gateway
 * timer} (proxied requests, when metrics are on) and its {@link EdgeSpans server span} (when tracing is on), whose
 * trace id the access line carries. One request/response pair and one request attribute rather than a filter each:
 * Micronaut runs every filter method inside the request's propagated context (MDC and trace context set and
 * restored around it), on the path every request of the platform takes; three pairs folded into one gave the
 * observed main 2–3 % more throughput (docs/performance.md, issue 19). Runs right after {@link RequestIdFilter}: the
 * id is known, and the whole chain is timed.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class EdgeObservationFilter implements Ordered {

    private static final String OBSERVED = "dojo.edge.observation";

    private final AccessLog accessLog;
    @Nullable
    private final GatewayTimers timers;
    @Nullable
    private final EdgeSpans spans;

    public EdgeObservationFilter(AccessLog accessLog, @Nullable GatewayTimers timers, @Nullable EdgeSpans spans) {
        this.accessLog = accessLog;
        this.timers = timers;
        this.spans = spans;
    }

    @RequestFilter
    public void start(HttpRequest<?> request, MutablePropagatedContext propagated) {
        if (request.getAttribute(OBSERVED).isPresent()) {
            return;
        }
        long started = System.nanoTime();
        // the gateway timer first: it sets the URI template that names the span
        GatewayTimers.Started route = timers == null ? null : timers.start(request);
        EdgeSpans.EdgeTrace trace = spans == null ? null : spans.start(request, propagated);
        request.setAttribute(OBSERVED, new Observation(started, route, trace));
    }

    @ResponseFilter
    public void end(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long now = System.nanoTime();
        long started = now;
        String traceId = null;
        // untyped look-ups: this runs on the event loop for every request
        if (request.getAttribute(OBSERVED).orElse(null) instanceof Observation observation) {
            started = observation.started();
            EdgeSpans.EdgeTrace trace = observation.trace();
            traceId = trace == null ? null : trace.traceId();
            boolean spanOpen = trace != null && trace.span();
            if (observation.route() != null || spanOpen) {
                // timed and ended once, even if an error route answers the same request again; the trace id stays
                request.setAttribute(OBSERVED, new Observation(started, null, spanOpen ? trace.withoutSpan() : trace));
                if (observation.route() != null) {
                    timers.record(observation.route(), request.getMethod().name(), response.code(), now - started);
                }
                if (spanOpen) {
                    spans.end(trace, request, response);
                }
            }
        }
        accessLog.record(request.getMethodName(), request.getPath(), response.code(), started,
                String.valueOf(request.getAttribute(GatewayFilter.UPSTREAM).orElse("-")),
                RequestIdFilter.requestId(request), traceId);
    }

    /**
     * A request's arrival, its gateway route (null: not proxied, no metrics, or timed) and trace (null: tracing off
     * or the path excluded; without a span once it is ended).
     */
    private record Observation(long started, @Nullable GatewayTimers.Started route,
                               @Nullable EdgeSpans.EdgeTrace trace) {
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 1;
    }
}
