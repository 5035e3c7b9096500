package dev.dojo.eval.exercise;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.dojo.common.text.NoNul;
import dev.dojo.eval.grading.TestCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of POST and PUT /exercises (PUT replaces every field). */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = false)
public record ExerciseRequest(
        @Schema(example = "Sum") @NotBlank @Size(max = 200)
        @Pattern(regexp = NoNul.PATTERN, message = NoNul.MESSAGE) String title,
        @Schema(description = "Markdown", example = "Write `sum(x, y)`: it returns x + y.")
        @NotBlank @Size(max = 20000) @Pattern(regexp = NoNul.PATTERN, message = NoNul.MESSAGE) String body,
        @Schema(type = "string", example = "python", allowableValues = {"python"}) @NotBlank String language,
        @Schema(example = "# Enter your code here.") @Nullable @Size(max = 20000)
        @Pattern(regexp = NoNul.PATTERN, message = NoNul.MESSAGE) String starterCode,
        @Schema(description = "examples (hidden: false; at least one) and hidden tests (at least one)",
                example = "[{\"name\": \"adds small numbers\", \"call\": \"sum(2, 3)\", \"expected\": 5, "
                        + "\"hidden\": false}, {\"name\": \"adds negative numbers\", \"call\": \"sum(-2, -7)\", "
                        + "\"expected\": -9}]")
        @NotNull @NotEmpty @Size(max = 50) List<@Valid @NotNull TestCase> tests,
        @Schema(description = "how far a float may be from an expected float: |actual - expected| <= tolerance * "
                + "max(1, |expected|, |actual|); 0 (the default) means exactly equal", example = "0")
        @Nullable @PositiveOrZero @DecimalMax("0.5") Double floatTolerance,
                @Schema(description = "Reference solution; it must pass every test",
                example = "def sum(x, y):\n    return x + y\n")
        @NotBlank @Size(max = 65536) @Pattern(regexp = NoNul.PATTERN, message = NoNul.MESSAGE) String solution) {
}
