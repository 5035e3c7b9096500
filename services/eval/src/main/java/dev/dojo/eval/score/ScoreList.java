package dev.dojo.eval.score;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** {@code data} of GET /scores and GET /scores/user. */
@Serdeable
public record ScoreList(List<Score> scores) {
}
