package dev.dojo.eval.grading;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.dojo.common.text.NoNul;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One test: an expression evaluated in the sandbox after the submission ran, and the value it must produce. Only
 * {@code call} enters the sandbox; {@code expected} stays in eval. An example ({@code hidden: false}) is shown to
 * learners with its call and expected value; a hidden test only to admins.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(name = "TestCase")
public record TestCase(
        @Schema(example = "adds small numbers") @NotBlank @Size(max = 200)
        @Pattern(regexp = NoNul.PATTERN, message = NoNul.MESSAGE) String name,
        // str(…): the processor publishes expected's example as the string "5", and the spec's example must work
        @Schema(example = "str(sum(2, 3))") @NotBlank @Size(max = 2000)
        @Pattern(regexp = NoNul.PATTERN, message = NoNul.MESSAGE) String call,
        @Schema(description = "JSON value; null expects None, a number without fraction or exponent an int, any "
                + "other number a float, an array a list, an object a dict (see docs/sandbox.md)",
                example = "5", implementation = Object.class)
        @Nullable JsonNode expected,
        @Schema(description = "false: an example the learner sees with its call, expected and actual value; "
                + "true (the default): a hidden test the learner sees only as passed or failed")
        @Nullable Boolean hidden) {

    public boolean isHidden() {
        return hidden == null || hidden;
    }

    public Value expectedValue() {
        return Values.fromExpected(expected);
    }
}
