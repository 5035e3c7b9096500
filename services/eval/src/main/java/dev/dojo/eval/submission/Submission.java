package dev.dojo.eval.submission;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A graded submission; {@code results} holds the per-test outcomes as a JSON array. */
@MappedEntity("submissions")
public record Submission(
        @Id @GeneratedValue @Nullable Long id,
        long userId,
        long exerciseId,
        String code,
        String verdict,
        String results,
        String output,
        boolean outputTruncated,
        long durationMs,
        @DateCreated @Nullable Instant createdAt) {
}
