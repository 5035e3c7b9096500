package dev.dojo.eval.exercise;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dojo.eval.grading.TestCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** An exercise as a client sees it; {@code tests} and {@code solution} only for admins. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Exercise")
public record ExerciseView(
        long id,
        String title,
        @Schema(description = "Markdown") String body,
        String language,
        String starterCode,
        @Schema(description = "admins only") @Nullable List<TestCase> tests,
        @Schema(description = "admins only") @Nullable String solution,
        Instant createdAt,
        Instant updatedAt) {
}
