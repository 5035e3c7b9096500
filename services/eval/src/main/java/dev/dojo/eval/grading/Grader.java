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
 * Grades code against hidden tests: sends the code and the test calls (never the expected values) into the
 * sandbox, then decides the verdict here, from what the service itself observed (time, memory, output) and
 * the values the harness reported.
 */
@Singleton
public class Grader {

    private static final int SIGXCPU = 24;
    private static final int SIGKILL = 9;

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

    public Grade grade(String language, String code, List<TestCase> tests) {
        byte[] stdin = HarnessProtocol.request(code, tests.stream().map(TestCase::call).toList());
        GradingTelemetry.Grading observed = telemetry.start(language);
        try {
            SandboxRun run = observed.within(
                    () -> queue.run(() -> observed.sandbox(() -> sandbox.run(language, stdin))));
            Grade grade = judge(tests, run);
            observed.graded(grade.verdict());
            return grade;
        } catch (RuntimeException e) {
            observed.failed(e);
            throw e;
        }
    }

    private Grade judge(List<TestCase> tests, SandboxRun run) {
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
        if (answer.oversized()) {
            return stopped(Verdict.error, run, "The test results were too large to report.");
        }
        int exit = answer.exit();
        if (exit == -SIGXCPU || exit == -SIGKILL) {
            return stopped(Verdict.timeout, run, "The program used more CPU time than allowed.");
        }
        JsonNode report = parse(answer.report());
        if (report == null || !report.isObject() || exit != 0) {
            return stopped(Verdict.error, run, exit < 0
                    ? "The program crashed (signal " + -exit + ")."
                    : "The program exited before its tests ran.");
        }
        String phase = text(report.get("phase"));
        if ("compile".equals(phase) || "run".equals(phase)) {
            boolean memory = flag(report.get("memory"));
            return stopped(memory ? Verdict.memory_limit : Verdict.error, run, text(report.get("error")));
        }
        JsonNode values = report.get("results");
        if (values == null || !values.isArray() || values.size() != tests.size()) {
            return stopped(Verdict.error, run, "The program interfered with the grader.");
        }
        List<TestOutcome> outcomes = new ArrayList<>();
        boolean anyError = false;
        boolean anyMemory = false;
        boolean allPassed = true;
        for (int i = 0; i < tests.size(); i++) {
            TestCase test = tests.get(i);
            JsonNode value = values.get(i);
            double ms = value.get("ms") != null && value.get("ms").isNumber()
                    ? Math.round(value.get("ms").getNumberValue().doubleValue() * 1000.0) / 1000.0 : 0.0;
            if (!flag(value.get("ok"))) {
                anyError = true;
                anyMemory |= flag(value.get("memory"));
                allPassed = false;
                outcomes.add(new TestOutcome(test.name(), false, test.expected(), null,
                        text(value.get("error")), ms));
                continue;
            }
            JsonNode actual = value.get("value");
            boolean passed = actual != null && JsonValues.matches(test.expected(), actual);
            if (actual == null) {
                actual = JsonNode.createStringNode(text(value.get("repr")));
            }
            allPassed &= passed;
            outcomes.add(passed
                    ? new TestOutcome(test.name(), true, null, null, null, ms)
                    : new TestOutcome(test.name(), false, expectedOrNull(test), actual, null, ms));
        }
        Verdict verdict = anyMemory ? Verdict.memory_limit
                : anyError ? Verdict.error
                : allPassed ? Verdict.passed : Verdict.failed;
        return new Grade(verdict, outcomes, run.output(), run.outputTruncated(), run.durationMs(), null);
    }

    private static JsonNode expectedOrNull(TestCase test) {
        return test.expected() == null ? JsonNode.nullNode() : test.expected();
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
        return node != null && node.isString()
                ? node.getStringValue().replace('\u0000', '\uFFFD') : null;
    }
}
