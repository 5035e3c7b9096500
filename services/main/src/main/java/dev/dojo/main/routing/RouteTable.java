package dev.dojo.main.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micronaut.context.BeanContext;
import io.micronaut.http.client.LoadBalancer;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.ProxyHttpClientRegistry;
import io.micronaut.http.client.ServiceHttpClientConfiguration;
import jakarta.inject.Singleton;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The routes of {@code dojo.routes}, each with its own client and circuit breaker. A route's client is configured by
 * Micronaut's {@code micronaut.http.services.<route name>} (URL, timeouts, pool); the clients come from Micronaut's
 * registry so they share the server's event loop and are closed with the application.
 */
@Singleton
public class RouteTable {

    private final List<Route> routes;

    public RouteTable(List<RouteConfiguration> configurations,
                      List<ServiceHttpClientConfiguration> services,
                      GatewaySettings settings,
                      CircuitBreakerRegistry breakers,
                      ProxyHttpClientRegistry<ProxyHttpClient> clients,
                      BeanContext beanContext) {
        Map<String, ServiceHttpClientConfiguration> byName = services.stream()
                .collect(Collectors.toMap(ServiceHttpClientConfiguration::getServiceId, Function.identity()));
        this.routes = configurations.stream()
                .sorted(Comparator.comparing(RouteConfiguration::name))
                .map(configuration -> route(configuration, byName.get(configuration.name()), settings, breakers,
                        clients, beanContext))
                .toList();
    }

    /** The route with the longest prefix owning {@code path}, if any; everything else is main's own. */
    public Optional<Route> find(String path) {
        Route best = null;
        int bestLength = -1;
        for (Route route : routes) {
            int length = route.match(path);
            if (length > bestLength) {
                best = route;
                bestLength = length;
            }
        }
        return Optional.ofNullable(best);
    }

    public List<Route> routes() {
        return routes;
    }

    private static Route route(RouteConfiguration configuration,
                               ServiceHttpClientConfiguration service,
                               GatewaySettings settings,
                               CircuitBreakerRegistry breakers,
                               ProxyHttpClientRegistry<ProxyHttpClient> clients,
                               BeanContext beanContext) {
        String name = configuration.name();
        if (configuration.prefixes() == null || configuration.prefixes().isEmpty()) {
            throw new IllegalStateException("dojo.routes." + name + " needs prefixes");
        }
        if (service == null || service.getUrls().size() != 1) {
            throw new IllegalStateException("dojo.routes." + name + " needs one URL in micronaut.http.services."
                    + name + ".url");
        }
        URI url = service.getUrls().get(0);
        ProxyHttpClient client;
        try {
            client = clients.resolveProxyHttpClient(null, LoadBalancer.fixed(url.toURL()), service, beanContext);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("micronaut.http.services." + name + ".url is not a URL: " + url, e);
        }
        List<String> prefixes = configuration.prefixes().stream()
                .map(prefix -> prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix)
                .toList();
        var breaker = settings.circuitBreaker();
        ServiceCircuit circuit = new ServiceCircuit(breakers, name, breaker.failureThreshold(), breaker.openFor(),
                Clock.systemUTC());
        return new Route(name, url, prefixes, client, circuit);
    }
}
