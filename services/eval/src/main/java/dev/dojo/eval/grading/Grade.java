package dev.dojo.eval.grading;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Everything the grader concluded about one submission.
 *
 * @param results examples first, then hidden tests, each with everything known about it (admins' view)
 * @param message a short explanation when the program did not get as far as the tests (syntax error, crash,
 *                limit hit), else null; never holds text the submission produced while it knew the hidden calls
 */
public record Grade(Verdict verdict, List<TestOutcome> results, String output, boolean outputTruncated,
                    long durationMs, @Nullable String message) {

    public boolean passed() {
        return verdict == Verdict.passed;
    }

    /** The first failing test, with its values, for rejecting an exercise whose reference solution fails (admins). */
    public String firstFailure() {
        return results.stream().filter(r -> !r.passed()).map(Grade::describe).findFirst()
                .orElse(message == null ? verdict.name() : message);
    }

    private static String describe(TestOutcome r) {
        return r.name() + " (" + r.call() + ": expected " + r.expected() + ", got "
                + (r.error() != null ? r.error() : r.actual()) + ")";
    }
}
