package dev.dojo.main.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * Health in the shape Micronaut's management endpoint uses ({@code name}, {@code status}, {@code details}), so
 * probes and humans read every service's health the same way.
 *
 * @param name    who reports
 * @param status  UP or DOWN
 * @param details each service's readiness, on {@code /health} only
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Health")
public record HealthReport(
        String name,
        @Schema(allowableValues = {"UP", "DOWN"}) String status,
        @Nullable Map<String, Downstream> details) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    /**
     * @param status UP if the service answered its readiness with 2xx in time
     * @param url    where it was asked
     * @param reason why it is DOWN (HTTP status, timeout, unreachable)
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DownstreamHealth")
    public record Downstream(String status, String url, @Nullable String reason) {
    }
}
