package dev.dojo.main.health;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthCheckType;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.reactivestreams.Publisher;

import java.security.Principal;
import java.util.Arrays;

/**
 * Micronaut's health endpoint with one difference: main's readiness leaves the services out. main is ready once it
 * listens, because it answers usefully (503 naming the service, the client bundle, its own health) even while a
 * service is down, and orchestrators must not take main out of rotation for another service's outage.
 * {@code /health} is the whole picture: main plus every service's readiness, DOWN (503) while any of them is.
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
@Replaces(HealthEndpoint.class)
public class EdgeHealthEndpoint extends HealthEndpoint {

    private final HealthAggregator<HealthResult> aggregator;
    private final HealthIndicator[] readiness;

    public EdgeHealthEndpoint(HealthAggregator<HealthResult> aggregator, HealthIndicator[] indicators,
                              @Liveness HealthIndicator[] liveness) {
        super(aggregator, indicators, liveness);
        this.aggregator = aggregator;
        this.readiness = Arrays.stream(getReadinessHealthIndicators(indicators, liveness))
                .filter(indicator -> !(indicator instanceof DownstreamHealthIndicator))
                .toArray(HealthIndicator[]::new);
    }

    @Read
    @Override
    @Operation(summary = "Health of main and every service",
            description = "Asks each service's /health/readiness in parallel with a short timeout. UP (200) when all "
                    + "are ready, else DOWN (503). Callers get `name` and `status` only; where an operator turns "
                    + "details on (DOJO_HEALTH_DETAILS_VISIBLE=ANONYMOUS), `details` names each service's state.")
    @ApiResponse(responseCode = "200", description = "main and every service are ready",
            content = @Content(schema = @Schema(implementation = HealthBody.class)))
    @ApiResponse(responseCode = "503", description = "at least one service is not ready",
            content = @Content(schema = @Schema(implementation = HealthBody.class)))
    public Publisher<HealthResult> getHealth(@Nullable Principal principal) {
        return super.getHealth(principal);
    }

    @Read
    @Override
    @Operation(summary = "Liveness or readiness of main",
            description = "`liveness`: UP while main's process serves requests. `readiness`: UP once main accepts "
                    + "traffic; deliberately ignores the services, since main answers a clear 503 for a service "
                    + "that is down and need not be taken out of rotation for it.")
    @ApiResponse(responseCode = "200", description = "UP",
            content = @Content(schema = @Schema(implementation = HealthBody.class)))
    public Publisher<HealthResult> getHealth(@Nullable Principal principal,
                                             @Parameter(schema = @Schema(type = "string",
                                                     allowableValues = {"liveness", "readiness"}))
                                             @Selector HealthCheckType selector) {
        if (selector == HealthCheckType.READINESS) {
            return aggregator.aggregate(readiness, levelOfDetail(principal));
        }
        return super.getHealth(principal, selector);
    }
}
