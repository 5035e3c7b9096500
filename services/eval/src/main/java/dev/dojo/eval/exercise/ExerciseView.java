package dev.dojo.eval.exercise;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dojo.eval.grading.TestCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** An exercise as a client sees it: examples for everyone; {@code tests} (hidden ones too) and {@code solution} only for admins. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Exercise")
public record ExerciseView(
        long id,
        String title,
        @Schema(description = "Markdown") String body,
        String language,
        String starterCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the examples: call and expected value, shown to everyone") List<ExampleView> examples,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "float tolerance of the comparison; 0 means exact") double floatTolerance,
        @Schema(description = "admins only: examples and hidden tests") @Nullable List<TestCase> tests,
        @Schema(description = "admins only") @Nullable String solution,
        Instant createdAt,
        Instant updatedAt) {
}
