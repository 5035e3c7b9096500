package dev.dojo.main.health;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * The JSON of main's health, for the API docs only ({@link EdgeHealthAggregator} writes it).
 *
 * @param name    who reports: main
 * @param status  UP or DOWN
 * @param details where an operator turned details on: each indicator's (each service's) status, with the URL
 *                asked and, when DOWN, why
 */
@Schema(name = "Health")
record HealthBody(
        String name,
        @Schema(type = "string", allowableValues = {"UP", "DOWN"}) String status,
        @Schema(nullable = true) Map<String, Map<String, String>> details) {
}
