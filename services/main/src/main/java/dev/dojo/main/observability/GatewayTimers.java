package dev.dojo.main.observability;

import dev.dojo.main.routing.Route;
import dev.dojo.main.routing.RouteTable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

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
 * lookup per request costs more than the recording). {@link EdgeObservationFilter} calls this.
 */
@Singleton
@Requires(bean = MeterRegistry.class)
public class GatewayTimers {

    private final RouteTable routes;
    private final MeterRegistry registry;
    /** bounded: prefixes × standard methods (+ CUSTOM) × three-digit statuses */
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    public GatewayTimers(RouteTable routes, MeterRegistry registry) {
        this.routes = routes;
        this.registry = registry;
    }

    /** The proxied route {@code request} is timed under (its URI template set), or null for main's own paths. */
    @Nullable
    Started start(HttpRequest<?> request) {
        String path = request.getPath();
        Route route = routes.find(path).orElse(null);
        if (route == null) {
            return null;
        }
        String template = path.substring(0, route.match(path)) + "/**";
        BasicHttpAttributes.setUriTemplate(request, template);
        return new Started(route.name(), template);
    }

    void record(Started started, String method, int status, long nanos) {
        timers.computeIfAbsent(new Series(started.upstream(), started.template(), method, status), this::timer)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Series series) {
        return Timer.builder("dojo.gateway.requests").description("Requests main proxied, by route and status")
                .tag("upstream", series.upstream()).tag("uri", series.template())
                .tag("method", series.method()).tag("status", Integer.toString(series.status()))
                .publishPercentileHistogram()
                .register(registry);
    }

    record Started(String upstream, String template) {
    }

    private record Series(String upstream, String template, String method, int status) {
    }
}
