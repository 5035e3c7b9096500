package dev.dojo.main.routing;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.util.List;

/**
 * One entry of {@code dojo.routes}: which path prefixes belong to which service. The service's URL, timeouts and
 * connection pool are Micronaut's HTTP client settings of the same name, {@code micronaut.http.services.<name>}. The
 * shape is a contract (swapper's build-time check reads the prefixes): keep {@code prefixes}.
 *
 * @param name     the service's name, used in error messages, logs, health and metrics
 * @param prefixes path prefixes matched on segment boundaries ({@code /users} matches {@code /users/3}, not
 *                 {@code /usersx})
 */
@EachProperty("dojo.routes")
public record RouteConfiguration(@Parameter String name, List<String> prefixes) {
}
