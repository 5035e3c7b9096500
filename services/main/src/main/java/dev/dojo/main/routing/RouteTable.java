package dev.dojo.main.routing;

import io.micronaut.context.BeanContext;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClientConfiguration.ConnectionPoolConfiguration.ConnectionLocality;
import io.micronaut.http.client.LoadBalancer;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.ProxyHttpClientRegistry;
import jakarta.inject.Singleton;

import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The routes of {@code dojo.routes}, each with its own client (its own timeouts) and circuit breaker. The clients
 * come from Micronaut's registry so they share the server's event loop and are closed with the application.
 */
@Singleton
public class RouteTable {

    private final List<Route> routes;

    public RouteTable(List<RouteConfiguration> configurations,
                      GatewaySettings settings,
                      ProxyHttpClientRegistry<ProxyHttpClient> clients,
                      BeanContext beanContext) {
        this.routes = configurations.stream()
                .sorted(Comparator.comparing(RouteConfiguration::name))
                .map(configuration -> route(configuration, settings, clients, beanContext))
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
                               GatewaySettings settings,
                               ProxyHttpClientRegistry<ProxyHttpClient> clients,
                               BeanContext beanContext) {
        if (configuration.url() == null || configuration.prefixes() == null || configuration.prefixes().isEmpty()) {
            throw new IllegalStateException("dojo.routes." + configuration.name() + " needs a url and prefixes");
        }
        Duration connectTimeout = orDefault(configuration.connectTimeout(), settings.connectTimeout());
        Duration readTimeout = orDefault(configuration.readTimeout(), settings.readTimeout());
        DefaultHttpClientConfiguration http = new DefaultHttpClientConfiguration();
        http.setConnectTimeout(connectTimeout);
        http.setReadTimeout(readTimeout);
        // a redirect is the service's answer to the browser, not something the edge should follow
        http.setFollowRedirects(false);
        // keep each proxied exchange on the event loop that accepted it: the client shares the server's event
        // loop, and a pooled connection owned by the other loop costs two thread hand-offs (wake-ups) per request
        http.getConnectionPoolConfiguration().setConnectionLocality(ConnectionLocality.ENFORCED_IF_SAME_GROUP);
        ProxyHttpClient client;
        try {
            client = clients.resolveProxyHttpClient(null, LoadBalancer.fixed(configuration.url().toURL()), http,
                    beanContext);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("dojo.routes." + configuration.name() + ".url is not a URL: "
                    + configuration.url(), e);
        }
        List<String> prefixes = configuration.prefixes().stream()
                .map(prefix -> prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix)
                .toList();
        var breaker = settings.circuitBreaker();
        ServiceCircuit circuit = new ServiceCircuit(configuration.name(), breaker.failureThreshold(), breaker.openFor(),
                Clock.systemUTC());
        return new Route(configuration.name(), configuration.url(), prefixes, client, circuit, connectTimeout,
                readTimeout);
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value != null ? value : fallback;
    }
}
