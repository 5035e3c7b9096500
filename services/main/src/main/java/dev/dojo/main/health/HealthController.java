package dev.dojo.main.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/**
 * main's health. Liveness and readiness describe main alone: main is ready once it listens, because it answers
 * usefully (503 naming the service, the client bundle, its own health) even while a service is down, and the
 * launcher and orchestrators must not hold main back, or restart it, for another service's outage. {@code /health}
 * is the whole picture: main plus every service's readiness, DOWN (503) while any of them is.
 */
@Controller("/health")
@Tag(name = "health")
public class HealthController {

    private static final String NAME = "main";

    private final DownstreamProbe probe;

    public HealthController(DownstreamProbe probe) {
        this.probe = probe;
    }

    @Get
    @Operation(summary = "Health of main and every service",
            description = "Asks each service's /health/readiness in parallel with a short timeout. UP (200) when all "
                    + "are ready, else DOWN (503); `details` names each service's state.")
    @ApiResponse(responseCode = "200", description = "main and every service are ready",
            content = @Content(schema = @Schema(implementation = HealthReport.class)))
    @ApiResponse(responseCode = "503", description = "at least one service is not ready",
            content = @Content(schema = @Schema(implementation = HealthReport.class)))
    public Mono<HttpResponse<HealthReport>> health() {
        return probe.probeAll().map(details -> {
            boolean allUp = details.values().stream().allMatch(d -> HealthReport.UP.equals(d.status()));
            HealthReport report = new HealthReport(NAME, allUp ? HealthReport.UP : HealthReport.DOWN, details);
            return HttpResponse.status(allUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(report);
        });
    }

    @Get("/liveness")
    @Operation(summary = "Liveness of main", description = "UP while main's process serves requests; ignores services.")
    public HealthReport liveness() {
        return new HealthReport(NAME, HealthReport.UP, null);
    }

    @Get("/readiness")
    @Operation(summary = "Readiness of main",
            description = "UP once main accepts traffic. Deliberately ignores the services: main answers a clear 503 "
                    + "for a service that is down, so it need not be taken out of rotation for it.")
    public HealthReport readiness() {
        return new HealthReport(NAME, HealthReport.UP, null);
    }
}
