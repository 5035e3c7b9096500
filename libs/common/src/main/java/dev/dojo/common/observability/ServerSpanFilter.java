package dev.dojo.common.observability;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.tracing.opentelemetry.OpenTelemetryPropagationContext;
import io.micronaut.tracing.opentelemetry.instrument.http.server.OpenTelemetryServerFilter;
import io.micronaut.tracing.opentelemetry.instrument.util.OpenTelemetryExclusionsConfiguration;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import jakarta.inject.Named;

import java.util.function.Predicate;

/**
 * The server span of every request (but {@code otel.exclusions}), made by micronaut-tracing's own instrumenter —
 * its span name, semantic-convention attributes, W3C parent extraction and span status — in place of its
 * {@link OpenTelemetryServerFilter}. That filter is a reactive {@code HttpServerFilter}: per request it assembles
 * and subscribes a Mono chain with a Reactor context write and reads its own request flags through the conversion
 * service. As a request/response method pair (which Micronaut runs without Reactor) the span is the same and the
 * request costs less CPU (ADR 0039, docs/performance.md). The span's context joins the request's propagated context,
 * so it is current in every later filter, controller and {@code @ExecuteOn} thread, as with the library's filter.
 * One difference: a 4xx answer leaves the span's status unset (OpenTelemetry's HTTP server convention: the
 * caller's error, not the server's); a 5xx or an exception marks it as an error.
 * <p>
 * The library's filter cannot be replaced as a bean (it is looked up as a different kind of filter); a service
 * points it at {@value #LIBRARY_FILTER_PATH} ({@code tracing.http.server.path} in its application.yml). Where a
 * service does not, this filter stands aside and the library's makes the span: never two server spans.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(beans = Tracer.class)
public class ServerSpanFilter implements Ordered {

    /** Where a service's application.yml points micronaut-tracing's own server filter: a path no route has. */
    public static final String LIBRARY_FILTER_PATH = "/_server-spans-are-made-by-ServerSpanFilter";

    private static final String CONTEXT = ServerSpanFilter.class.getName() + ".context";

    private final Instrumenter<HttpRequest<?>, Object> instrumenter;
    private final Predicate<String> excluded;
    private final boolean libraryStandsAside;

    public ServerSpanFilter(
            @Named("micronautHttpServerTelemetryInstrumenter") Instrumenter<HttpRequest<?>, Object> instrumenter,
            @Nullable OpenTelemetryExclusionsConfiguration exclusions,
            @Property(name = "tracing.http.server.path", defaultValue = "/**") String libraryFilterPath) {
        this.instrumenter = instrumenter;
        Predicate<String> test = exclusions == null ? null : exclusions.exclusionTest();
        this.excluded = test == null ? path -> false : test;
        this.libraryStandsAside = LIBRARY_FILTER_PATH.equals(libraryFilterPath);
    }

    @RequestFilter
    public void start(HttpRequest<?> request, MutablePropagatedContext propagated) {
        if (!libraryStandsAside || request.getAttribute(CONTEXT).isPresent() || excluded.test(request.getPath())) {
            return;
        }
        Context parent = Context.current();
        if (!instrumenter.shouldStart(parent, request)) {
            return;
        }
        Context context = instrumenter.start(parent, request);
        request.setAttribute(CONTEXT, context);
        propagated.add(new OpenTelemetryPropagationContext(context));
    }

    @ResponseFilter
    public void end(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(CONTEXT).orElse(null) instanceof Context context) {
            // ended once, even if an error route answers the same request again
            request.removeAttribute(CONTEXT, Object.class);
            Throwable failure = response.getAttribute(HttpAttributes.EXCEPTION).orElse(null) instanceof Throwable t
                    ? t : null;
            instrumenter.end(context, request, response, failure);
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.order();
    }
}
