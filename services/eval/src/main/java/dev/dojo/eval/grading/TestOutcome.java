package dev.dojo.eval.grading;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

/** One test's result as shown to the learner: expected and actual only for failures. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestOutcome(
        String name,
        boolean passed,
        @Schema(implementation = Object.class) @Nullable JsonNode expected,
        @Schema(implementation = Object.class, description = "JSON value, or Python repr text for non-JSON values")
        @Nullable JsonNode actual,
        @Nullable String error,
        double durationMs) {
}
