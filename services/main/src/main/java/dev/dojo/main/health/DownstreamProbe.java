package dev.dojo.main.health;

import dev.dojo.main.proxy.UpstreamFailure;
import dev.dojo.main.routing.Route;
import dev.dojo.main.routing.RouteTable;
import io.micronaut.context.BeanContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientRegistry;
import io.micronaut.http.client.LoadBalancer;
import io.micronaut.http.client.ServiceHttpClientConfiguration;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.net.MalformedURLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks every service's {@code /health/readiness} at once, each bounded by a short timeout, so {@code /health}
 * answers in about that timeout however many services hang.
 */
@Singleton
public class DownstreamProbe {

    static final String READINESS = "/health/readiness";

    private final Map<Route, HttpClient> clients = new LinkedHashMap<>();
    private final Duration timeout;

    public DownstreamProbe(RouteTable routes, HealthSettings settings, HttpClientRegistry<HttpClient> registry,
                           BeanContext beanContext) {
        this.timeout = settings.downstreamTimeout();
        for (Route route : routes.routes()) {
            // the route's own client settings (micronaut.http.services.<name>); the probe's short bound is the
            // reactive timeout below, so a slow or black-holed service costs /health no more than that
            ServiceHttpClientConfiguration service = beanContext.getBean(ServiceHttpClientConfiguration.class,
                    Qualifiers.byName(route.name()));
            try {
                clients.put(route, registry.resolveClient(null, LoadBalancer.fixed(route.url().toURL()), service,
                        beanContext));
            } catch (MalformedURLException e) {
                throw new IllegalStateException("micronaut.http.services." + route.name() + ".url is not a URL", e);
            }
        }
    }

    /**
     * @param up     whether the service answered its readiness with 2xx in time
     * @param url    where it was asked
     * @param reason why it is not up (HTTP status, timeout, unreachable)
     */
    public record State(boolean up, String url, String reason) {
    }

    /** Each service's readiness, in route-name order. */
    public Mono<Map<String, State>> probeAll() {
        return Mono.zip(clients.entrySet().stream().map(entry -> probe(entry.getKey(), entry.getValue())).toList(),
                results -> {
                    Map<String, State> report = new LinkedHashMap<>();
                    int i = 0;
                    for (Route route : clients.keySet()) {
                        report.put(route.name(), (State) results[i++]);
                    }
                    return report;
                }).defaultIfEmpty(Map.of());
    }

    private Mono<State> probe(Route route, HttpClient client) {
        String url = route.url() + READINESS;
        return Mono.from(client.exchange(HttpRequest.GET(READINESS)))
                .timeout(timeout)
                .map(response -> new State(true, url, null))
                .onErrorResume(failure -> Mono.just(new State(false, url, reason(failure))));
    }

    private static String reason(Throwable failure) {
        if (failure instanceof HttpClientResponseException response) {
            return "readiness answered " + response.code();
        }
        return switch (UpstreamFailure.classify(failure)) {
            case TIMEOUT -> "no answer within the timeout";
            case UNAVAILABLE -> "unreachable";
            default -> "no valid answer";
        };
    }
}
