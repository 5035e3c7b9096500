package dev.dojo.eval.exercise;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An exercise row; {@code tests} holds the hidden tests as a JSON array. */
@MappedEntity("exercises")
public record Exercise(
        @Id @GeneratedValue @Nullable Long id,
        String title,
        String body,
        String language,
        String starterCode,
        String tests,
        String solution,
        @DateCreated @Nullable Instant createdAt,
        @DateUpdated @Nullable Instant updatedAt) {
}
