package dev.dojo.eval.score;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;

/** A user's standing on one exercise. Written only by the grader (see {@link ScoreRepository#recordAttempt}). */
@MappedEntity("scores")
@Serdeable(naming = SnakeCaseStrategy.class)
public record Score(
        @Id @GeneratedValue Long id,
        long userId,
        long exerciseId,
        boolean solved,
        int attempts,
        @Nullable Instant firstSolvedAt,
        Instant updatedAt) {
}
