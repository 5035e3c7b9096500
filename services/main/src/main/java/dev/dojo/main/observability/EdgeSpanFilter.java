package dev.dojo.main.observability;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.tracing.opentelemetry.OpenTelemetryPropagationContext;
import io.micronaut.tracing.opentelemetry.instrument.util.OpenTelemetryExclusionsConfiguration;
import io.micronaut.web.router.RouteAttributes;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import jakarta.inject.Named;

import java.util.function.Predicate;

/**
 * main's server span, made only for the requests whose trace is kept ({@link HeadSampling}) — by micronaut-tracing's
 * own instrumenter, so the span (name, attributes, parent, status) is the library's. The library's reactive filter
 * runs the instrumenter for every request, kept or not: it extracts the span's attributes before the sampler
 * decides, and the unsampled span still passes every listener. At 10 % sampling that work is thrown away for nine
 * requests in ten, on the one path every request of the platform takes (ADR 0070, docs/performance.md). A request
 * whose trace is not kept is served in the unsampled context {@link HeadSampling} gives, so its log lines and the
 * {@code traceparent} main passes on are what the SDK would have made. The library's filter is pointed at a path
 * no route has ({@code tracing.http.server.path} in application.yml).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(beans = OpenTelemetry.class)
public class EdgeSpanFilter implements Ordered {

    /** the request's server span context while it is open; FALSE once ended, or when the trace is not kept */
    private static final String CONTEXT = EdgeSpanFilter.class.getName() + ".context";

    private final Instrumenter<HttpRequest<?>, Object> instrumenter;
    private final HeadSampling sampling;
    private final Predicate<String> excluded;

    public EdgeSpanFilter(
            @Named("micronautHttpServerTelemetryInstrumenter") Instrumenter<HttpRequest<?>, Object> instrumenter,
            HeadSampling sampling, @Nullable OpenTelemetryExclusionsConfiguration exclusions) {
        this.instrumenter = instrumenter;
        this.sampling = sampling;
        Predicate<String> test = exclusions == null ? null : exclusions.exclusionTest();
        this.excluded = test == null ? path -> false : test;
    }

    @RequestFilter
    public void start(HttpRequest<?> request, MutablePropagatedContext propagated) {
        if (request.getAttribute(CONTEXT).isPresent() || excluded.test(request.getPath())) {
            return;
        }
        Context current = Context.current();
        Context context = sampling.unsampled(current, request);
        if (context == null) {
            if (!instrumenter.shouldStart(current, request)) {
                return;
            }
            context = instrumenter.start(current, request);
            request.setAttribute(CONTEXT, context);
        } else {
            request.setAttribute(CONTEXT, Boolean.FALSE);
        }
        propagated.add(new OpenTelemetryPropagationContext(context));
    }

    @ResponseFilter
    public void end(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(CONTEXT).orElse(null) instanceof Context context) {
            // ended once, even if an error route answers the same request again
            request.setAttribute(CONTEXT, Boolean.FALSE);
            instrumenter.end(context, request, response, RouteAttributes.getException(response).orElse(null));
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.order();
    }
}
