package dev.dojo.eval.grading;

import dev.dojo.eval.sandbox.HarnessProtocol;
import dev.dojo.eval.sandbox.Sandbox;
import dev.dojo.eval.sandbox.SandboxRun;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Grades code against an exercise's tests: sends the code and the calls (never an expected value) into the sandbox,
 * then decides the verdict here, from what the service itself observed (time, memory, output) and the values the
 * harness reported, compared with {@link Comparison}. Everything the sandbox reports is untrusted: the submission
 * controls its whole interpreter, so a report can only ever be a claim about values (docs/sandbox.md).
 */
@Singleton
public class Grader {

    private static final int SIGXCPU = 24;
    private static final int SIGKILL = 9;
    static final String HIDDEN_FAILED = "The program failed while running the hidden tests.";
    static final String NOT_RUN = "not run: an example raised an exception";

    private final Sandbox sandbox;
    private final GradingQueue queue;
    private final JsonMapper json;
    private final GradingTelemetry telemetry;

    public Grader(Sandbox sandbox, GradingQueue queue, JsonMapper json, GradingTelemetry telemetry) {
        this.sandbox = sandbox;
        this.queue = queue;
        this.json = json;
        this.telemetry = telemetry;
    }

    /** Admins checking an exercise's reference solution share one account in the grading queue. */
    public static final long AUTHORING = -1;

    public Grade grade(String language, String code, List<TestCase> tests, double tolerance) {
        return grade(AUTHORING, language, code, tests, tolerance);
    }

    /**
     * Grades {@code code} for {@code account}, which waits its fair turn in the {@link GradingQueue}: the examples
     * run where the learner sees the output, the hidden tests where nobody does.
     */
    public Grade grade(long account, String language, String code, List<TestCase> tests, double tolerance) {
        List<TestCase> examples = tests.stream().filter(t -> !t.isHidden()).toList();
        List<TestCase> hidden = tests.stream().filter(TestCase::isHidden).toList();
        byte[] stdin = HarnessProtocol.request(code, examples.stream().map(TestCase::call).toList(),
                hidden.stream().map(TestCase::call).toList());
        GradingTelemetry.Grading observed = telemetry.start(language);
        try {
            SandboxRun run = observed.within(
                    () -> queue.run(account, () -> observed.sandbox(() -> sandbox.run(language, stdin))));
            Grade grade = judge(examples, hidden, tolerance, run);
            observed.graded(grade.verdict());
            return grade;
        } catch (RuntimeException e) {
            observed.failed(e);
            throw e;
        }
    }

    private Grade judge(List<TestCase> examples, List<TestCase> hidden, double tolerance, SandboxRun run) {
        if (run.outputLimit()) {
            return stopped(Verdict.output_limit, run, "The program printed more output than allowed.");
        }
        if (run.oomKilled()) {
            return stopped(Verdict.memory_limit, run, "The program used more memory than allowed.");
        }
        if (run.timedOut()) {
            return stopped(Verdict.timeout, run, "The program ran longer than allowed.");
        }
        HarnessProtocol.Answer answer = HarnessProtocol.parse(run.results());
        if (answer == null) {
            return stopped(Verdict.error, run, "The program stopped the grader before it reported results.");
        }
        List<TestOutcome> outcomes = new ArrayList<>();
        PhaseResult first = phase(answer, 0, examples, false, tolerance, outcomes);
        if (first.stopped != null) {
            return stopped(first.stopped, run, first.message);
        }
        PhaseResult second;
        if (answer.phases().size() == 1 && !answer.oversized()
                && outcomes.stream().anyMatch(o -> o.error() != null)) {
            // an example raised: the harness stops after phase 1 (the verdict is an error whatever they say)
            hidden.forEach(t -> outcomes.add(new TestOutcome(t.name(), true, false, t.call(),
                    Literal.of(t.expectedValue()), null, NOT_RUN, null)));
            second = new PhaseResult(null, null, false);
        } else {
            second = phase(answer, 1, hidden, true, tolerance, outcomes);
        }
        if (second.stopped != null) {
            // the hidden phase's own words (its error texts) may carry the hidden calls: a fixed message instead
            return stopped(second.stopped, run, second.stopped == Verdict.timeout ? second.message : HIDDEN_FAILED);
        }
        boolean anyMemory = first.memory || second.memory;
        boolean anyError = outcomes.stream().anyMatch(o -> o.error() != null);
        boolean allPassed = outcomes.stream().allMatch(TestOutcome::passed);
        Verdict verdict = anyMemory ? Verdict.memory_limit
                : anyError ? Verdict.error
                : allPassed ? Verdict.passed : Verdict.failed;
        return new Grade(verdict, outcomes, run.output(), run.outputTruncated(), run.durationMs(), null);
    }

    /** How one phase went: stopped (with a verdict and message) or its outcomes appended. */
    private record PhaseResult(Verdict stopped, String message, boolean memory) {
    }

    private PhaseResult phase(HarnessProtocol.Answer answer, int index, List<TestCase> tests, boolean hidden,
                        double tolerance, List<TestOutcome> outcomes) {
        if (answer.phases().size() <= index) {
            return new PhaseResult(Verdict.error, answer.oversized() ? "The test results were too large to report."
                    : "The program stopped the grader before it reported results.", false);
        }
        HarnessProtocol.Phase phase = answer.phases().get(index);
        int exit = phase.exit();
        if (exit == -SIGXCPU || exit == -SIGKILL) {
            return new PhaseResult(Verdict.timeout, "The program used more CPU time than allowed.", false);
        }
        JsonNode report = parse(phase.report());
        if (report == null || !report.isObject() || exit != 0) {
            return new PhaseResult(Verdict.error, exit < 0
                    ? "The program crashed (signal " + -exit + ")."
                    : "The program exited before its tests ran.", false);
        }
        String stage = text(report.get("phase"));
        if ("compile".equals(stage) || "run".equals(stage)) {
            boolean memory = flag(report.get("memory"));
            return new PhaseResult(memory ? Verdict.memory_limit : Verdict.error, text(report.get("error")), false);
        }
        JsonNode values = report.get("results");
        if (values == null || !values.isArray() || values.size() != tests.size()) {
            return new PhaseResult(Verdict.error, "The program interfered with the grader.", false);
        }
        boolean memory = false;
        for (int i = 0; i < tests.size(); i++) {
            TestCase test = tests.get(i);
            JsonNode value = values.get(i);
            Double ms = value.get("ms") != null && value.get("ms").isNumber()
                    ? Math.round(value.get("ms").getNumberValue().doubleValue() * 1000.0) / 1000.0 : null;
            Value expected = test.expectedValue();
            if (!flag(value.get("ok"))) {
                memory |= flag(value.get("memory"));
                String error = text(value.get("error"));
                outcomes.add(new TestOutcome(test.name(), hidden, false, test.call(), Literal.of(expected), null,
                        error == null ? "error" : error, ms));
                continue;
            }
            Value actual = Values.fromReport(value.get("value"));
            boolean passed = Comparison.matches(expected, actual, tolerance);
            outcomes.add(new TestOutcome(test.name(), hidden, passed, test.call(), Literal.of(expected),
                    Literal.of(actual), null, ms));
        }
        return new PhaseResult(null, null, memory);
    }

    private static Grade stopped(Verdict verdict, SandboxRun run, String message) {
        return new Grade(verdict, List.of(), run.output(), run.outputTruncated(), run.durationMs(), message);
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return json.readValue(bytes, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean flag(JsonNode node) {
        return node != null && node.isBoolean() && node.getBooleanValue();
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? StoredText.of(node.getStringValue()) : null;
    }
}
