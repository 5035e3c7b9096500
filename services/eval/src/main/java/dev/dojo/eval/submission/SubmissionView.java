package dev.dojo.eval.submission;

import dev.dojo.eval.grading.TestOutcome;
import dev.dojo.eval.grading.Verdict;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A graded submission as its owner (hidden tests redacted) or an admin (everything) sees it. */
@Serdeable(naming = SnakeCaseStrategy.class)
@Schema(name = "Submission")
public record SubmissionView(
        long id,
        long exerciseId,
        @Schema(description = "passed, failed, error, timeout, memory_limit or output_limit") Verdict verdict,
        boolean passed,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "examples first, with call, expected and actual value; then the hidden tests, which a "
                + "learner sees only as {hidden: true, passed} (admins see them whole)")
        List<TestOutcome> results,
        @Schema(description = "the program's own output (stdout and stderr), then the grader's note if any")
        String output,
        boolean outputTruncated,
        long durationMs,
        Instant createdAt) {
}
