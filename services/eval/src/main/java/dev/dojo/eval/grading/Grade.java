package dev.dojo.eval.grading;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Everything the grader concluded about one submission.
 *
 * @param message a short explanation when the program did not get as far as the tests (syntax error, crash,
 *                limit hit), else null
 */
public record Grade(Verdict verdict, List<TestOutcome> results, String output, boolean outputTruncated,
                    long durationMs, @Nullable String message) {

    public boolean passed() {
        return verdict == Verdict.passed;
    }

    /** The first failing test, for rejecting an exercise whose reference solution fails. */
    public String firstFailure() {
        return results.stream().filter(r -> !r.passed()).map(TestOutcome::name).findFirst()
                .orElse(message == null ? verdict.name() : message);
    }
}
