package dev.dojo.eval.submission;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** {@code data} of GET /submissions. */
@Serdeable
public record SubmissionList(List<SubmissionView> submissions) {
}
