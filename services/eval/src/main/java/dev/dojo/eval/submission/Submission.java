package dev.dojo.eval.submission;

import dev.dojo.eval.grading.TestOutcome;
import dev.dojo.eval.grading.Verdict;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;

/**
 * A graded submission. {@code results} holds every test's full outcome (a jsonb array through Micronaut Data's JSON
 * type; learners are shown a redacted copy); {@code verdict} is an enum column (a CHECK constraint in the database).
 */
@MappedEntity("submissions")
public record Submission(
        @Id @GeneratedValue @Nullable Long id,
        long userId,
        long exerciseId,
        String code,
        Verdict verdict,
        @TypeDef(type = DataType.JSON) List<TestOutcome> results,
        String output,
        boolean outputTruncated,
        long durationMs,
        @DateCreated @Nullable Instant createdAt) {
}
