package dev.dojo.eval.exercise;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** {@code data} of GET /exercises. */
@Serdeable
public record ExerciseList(List<ExerciseView> exercises) {
}
