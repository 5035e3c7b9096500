package dev.dojo.main.routing;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One entry of {@code dojo.routes}: which path prefixes belong to which service. The shape is a contract (the
 * launcher, compose and swapper's build-time check read it): keep {@code url} and {@code prefixes}.
 *
 * @param name           the service's name, used in error messages, logs and health
 * @param url            the service's base URL
 * @param prefixes       path prefixes matched on segment boundaries ({@code /users} matches {@code /users/3}, not
 *                       {@code /usersx})
 * @param connectTimeout overrides {@code dojo.gateway.connect-timeout} for this service
 * @param readTimeout    overrides {@code dojo.gateway.read-timeout} for this service
 */
@EachProperty("dojo.routes")
public record RouteConfiguration(
        @Parameter String name,
        URI url,
        List<String> prefixes,
        @Nullable Duration connectTimeout,
        @Nullable Duration readTimeout) {
}
