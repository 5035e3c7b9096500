package dev.dojo.eval.grading;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One test's result. Stored whole (admins see it all); a learner sees an example whole and a hidden test only as
 * {@code {"hidden": true, "passed": …}}.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TestResult")
public record TestOutcome(
        @Schema(description = "absent for a learner's hidden test") @Nullable String name,
        boolean hidden,
        boolean passed,
        @Schema(description = "the expression evaluated; absent for a learner's hidden test") @Nullable String call,
        @Schema(description = "Python literal of the expected value; absent for a learner's hidden test")
        @Nullable String expected,
        @Schema(description = "Python literal of the value computed; absent when the call raised, and for a "
                + "learner's hidden test") @Nullable String actual,
        @Schema(description = "the exception the call raised; absent for a learner's hidden test")
        @Nullable String error,
        @Schema(description = "absent for a learner's hidden test") @Nullable Double durationMs) {

    /** What the learner who submitted may see: everything of an example, only passed/failed of a hidden test. */
    public TestOutcome forLearner() {
        return hidden ? new TestOutcome(null, true, passed, null, null, null, null, null) : this;
    }
}
