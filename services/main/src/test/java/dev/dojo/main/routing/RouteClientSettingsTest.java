package dev.dojo.main.routing;

import io.micronaut.http.client.HttpClientConfiguration.ConnectionPoolConfiguration.ConnectionLocality;
import io.micronaut.http.client.ServiceHttpClientConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * main's application.yml gives every route's client (micronaut.http.services.<route>) the shared settings — the
 * YAML anchor reaches each service — and eval its longer read timeout; each route is bound to its own client's URL.
 */
@MicronautTest
class RouteClientSettingsTest {

    @Inject
    List<ServiceHttpClientConfiguration> services;

    @Inject
    RouteTable routes;

    @Test
    void everyRouteHasItsClientWithTheSharedSettings() {
        Map<String, ServiceHttpClientConfiguration> byName = services.stream()
                .collect(Collectors.toMap(ServiceHttpClientConfiguration::getServiceId, Function.identity()));
        Map<String, Duration> readTimeouts = Map.of("users", Duration.ofSeconds(30), "eval", Duration.ofSeconds(60),
                "swapper", Duration.ofSeconds(30));
        readTimeouts.forEach((name, readTimeout) -> {
            ServiceHttpClientConfiguration client = byName.get(name);
            assertEquals(Duration.ofSeconds(2), client.getConnectTimeout().orElseThrow(), name);
            assertEquals(readTimeout, client.getReadTimeout().orElseThrow(), name);
            assertFalse(client.isFollowRedirects(), name);
            assertEquals(ConnectionLocality.ENFORCED_IF_SAME_GROUP,
                    client.getConnectionPoolConfiguration().getConnectionLocality(), name);
        });
        assertEquals(List.of("eval", "swapper", "users"), routes.routes().stream().map(Route::name).toList());
        assertEquals(URI.create("http://localhost:8082"), routes.find("/exercises").orElseThrow().url());
    }
}
