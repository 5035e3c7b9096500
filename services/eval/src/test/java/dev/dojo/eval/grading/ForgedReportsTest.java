package dev.dojo.eval.grading;

import dev.dojo.eval.testing.Api;
import dev.dojo.eval.testing.ApiTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grader's reading of reports a submission forges on the harness's private report pipe (the one channel a
 * submission's own process writes its values to: it can claim values, never a verdict). Each case is a report the
 * real harness would never send but a hostile program can, through the real sandbox: a clean-looking first phase
 * the harness does not take for clean, an oversized report in either phase, a duration with more digits than kept;
 * and, for contrast, what the real harness sends when an example raises.
 */
@MicronautTest
class ForgedReportsTest extends ApiTestBase {

    private long sum;

    @BeforeAll
    void exercise() {
        sum = createSumExercise();
    }

    @Test
    void aDurationIsKeptToTheMicrosecond() {
        Map<String, Object> data = grade(forging(
                "b'{\"phase\": \"ok\", \"results\": [{\"ok\": true, \"value\": {\"int\": \"0x5\"}, \"ms\": 1.23456}]}'"));
        assertEquals("failed", data.get("verdict"), "the hidden value (5 for -3) fails: " + data);
        assertEquals(1.235, results(data).get(0).get("duration_ms"), String.valueOf(data));
    }

    @Test
    void aFirstPhaseTheHarnessDoesNotTakeForCleanEndsTheRunAsAnError() {
        // compact JSON: the grader reads a passing example, the harness does not see its '{"phase": "ok"' and
        // stops after the first phase — there is no second report to read, which fails the hidden phase
        Map<String, Object> data = grade(forging(
                "b'{\"phase\":\"ok\",\"results\":[{\"ok\":true,\"value\":{\"int\":\"0x5\"},\"ms\":0}]}'"));
        assertEquals("error", data.get("verdict"), String.valueOf(data));
        assertEquals(Grader.HIDDEN_FAILED, data.get("output"), String.valueOf(data));
        assertEquals(List.of(), data.get("results"));
    }

    @Test
    void anOversizedReportIsAnErrorThatSaysSo() {
        Map<String, Object> data = grade(forging(null));
        assertEquals("error", data.get("verdict"), String.valueOf(data));
        assertTrue(String.valueOf(data.get("output")).endsWith("The test results were too large to report."),
                String.valueOf(data));
        assertEquals(List.of(), data.get("results"));
    }

    @Test
    void anOversizedHiddenReportAfterAFailingExampleTheHarnessTookForCleanFailsTheHiddenPhase() {
        // the first report carries a failure the harness does not see ('"ok":false' without the space), so the
        // hidden phase runs, and its report is oversized: the hidden phase failed (the examples are not shown
        // as if the hidden tests had not run)
        String code = """
                import os
                fd = %s
                if os.path.samestat(os.fstat(1), os.stat('/dev/null')):
                    while True:
                        os.write(fd, b'x' * 65536)
                os.write(fd, b'{"phase": "ok", "results": [{"ok":false, "error": "E", "memory": false, "ms": 0}]}')
                os._exit(0)
                """.formatted(REPORT_FD);
        Map<String, Object> data = grade(code);
        assertEquals("error", data.get("verdict"), String.valueOf(data));
        assertEquals(Grader.HIDDEN_FAILED, data.get("output"), String.valueOf(data));
        assertEquals(List.of(), data.get("results"));
    }

    @Test
    void anExampleThatRaisesLeavesTheHiddenTestsNotRunAndTheVerdictAnError() {
        Map<String, Object> data = grade("def sum(x, y):\n    raise ValueError('no sum today')\n");
        assertEquals("error", data.get("verdict"), String.valueOf(data));
        List<Map<String, Object>> results = results(data);
        assertEquals(2, results.size(), "the example, then the hidden test (not run): " + data);
        assertTrue(String.valueOf(results.get(0).get("error")).contains("no sum today"), String.valueOf(data));
        assertEquals(Map.of("hidden", true, "passed", false), results.get(1), "a learner sees only that: " + data);
        assertFalse(String.valueOf(data.get("output")).contains("stopped the grader"), String.valueOf(data));
    }

    /** The first descriptor above stderr that is open in the child: its report pipe (the harness closes the rest). */
    private static final String REPORT_FD =
            "next(fd for fd in range(3, 1 << 16) if _is_open(fd))";

    /** Code that writes {@code report} (a Python bytes literal; null: more than the harness accepts) and ends. */
    private static String forging(String report) {
        String write = report == null
                ? "while True:\n    os.write(fd, b'x' * 65536)\n"
                : "os.write(fd, " + report + ")\n";
        return "import os\nfd = " + REPORT_FD + "\n" + write + "os._exit(0)\n";
    }

    private Map<String, Object> grade(String code) {
        Api.Reply reply = submit(sum, IS_OPEN + code, 42);
        assertEquals(201, reply.status(), String.valueOf(reply.body()));
        return reply.data();
    }

    private static final String IS_OPEN = """
            def _is_open(fd):
                import os
                try:
                    os.fstat(fd)
                    return True
                except OSError:
                    return False
            """;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(Map<String, Object> data) {
        return (List<Map<String, Object>>) data.get("results");
    }
}
