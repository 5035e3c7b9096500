package dev.dojo.eval.grading;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One hidden test: an expression evaluated in the sandbox after the submission ran, and the JSON value it must
 * produce. {@code expected} stays in the service; only {@code call} enters the sandbox.
 */
@Serdeable
public record TestCase(
        @Schema(example = "adds small numbers") @NotBlank @Size(max = 200) String name,
        // str(…): the processor publishes expected's example as the string "5", and the spec's example must work
        @Schema(example = "str(sum(2, 3))") @NotBlank @Size(max = 2000) String call,
        @Schema(description = "any JSON value; null expects None", example = "5", implementation = Object.class)
        @Nullable JsonNode expected) {
}
