package dev.dojo.main.observability;

import dev.dojo.main.routing.Route;
import dev.dojo.main.routing.RouteTable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Latency of every request main proxies, per owning route prefix and status: {@code dojo_gateway_requests_seconds}
 * (a histogram). A proxied request matches no controller, so Micronaut's own server metrics cannot name its route;
 * the owning prefix is also set as the request's URI template, which names the request's server span
 * ({@code http.route}). This timer is also the measure of main's proxied downstream calls: Micronaut's client timer
 * is limited to the health probes (application.yml, {@code micronaut.metrics.http.client.path}). One series per
 * configured prefix, never per raw path, and per standard method: any other method a caller invents is counted as
 * {@code CUSTOM}, so callers cannot grow the series without bound. Each timer is built once and kept (a Micrometer
 * lookup per request costs more than the recording).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(bean = MeterRegistry.class)
public class GatewayMetricsFilter implements Ordered {

    private static final String ROUTE = "dojo.gatewayMetrics.route";

    private final RouteTable routes;
    private final MeterRegistry registry;
    /** bounded: prefixes × standard methods (+ CUSTOM) × three-digit statuses */
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    public GatewayMetricsFilter(RouteTable routes, MeterRegistry registry) {
        this.routes = routes;
        this.registry = registry;
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        String path = request.getPath();
        Route route = routes.find(path).orElse(null);
        if (route == null) {
            return;
        }
        String template = path.substring(0, route.match(path)) + "/**";
        BasicHttpAttributes.setUriTemplate(request, template);
        request.setAttribute(ROUTE, new Started(route.name(), template, System.nanoTime()));
    }

    @ResponseFilter
    public void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(ROUTE).orElse(null) instanceof Started started) {
            Series series = new Series(started.upstream(), started.template(), request.getMethod().name(),
                    response.code());
            timers.computeIfAbsent(series, this::timer)
                    .record(System.nanoTime() - started.nanos(), TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(Series series) {
        return Timer.builder("dojo.gateway.requests").description("Requests main proxied, by route and status")
                .tag("upstream", series.upstream()).tag("uri", series.template())
                .tag("method", series.method()).tag("status", Integer.toString(series.status()))
                .publishPercentileHistogram()
                .register(registry);
    }

    private record Started(String upstream, String template, long nanos) {
    }

    private record Series(String upstream, String template, String method, int status) {
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 2;
    }
}
