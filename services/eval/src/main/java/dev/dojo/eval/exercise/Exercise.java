package dev.dojo.eval.exercise;

import dev.dojo.eval.grading.TestCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;

/**
 * An exercise row; {@code tests} (examples and hidden tests, a json array) maps through Micronaut Data's JSON type.
 * The column is json, not jsonb, so an expected float keeps its float spelling (docs/sandbox.md, "Comparison").
 */
@MappedEntity("exercises")
public record Exercise(
        @Id @GeneratedValue @Nullable Long id,
        String title,
        String body,
        String language,
        String starterCode,
        @TypeDef(type = DataType.JSON) List<TestCase> tests,
        double floatTolerance,
        String solution,
        @DateCreated @Nullable Instant createdAt,
        @DateUpdated @Nullable Instant updatedAt) {
}
