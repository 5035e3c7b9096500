package dev.dojo.eval.grading;

import dev.dojo.eval.testing.Api;
import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.testing.tokens.TestTokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The comparison table end to end: values computed by real Python in the sandbox, carried out through the harness's
 * tagged encoding, compared by eval. Each row: the expected JSON, a reference expression equal to it, what the learner
 * returns instead, and whether that passes.
 */
@MicronautTest
class ExactComparisonThroughTheSandboxTest extends ApiTestBase {

    private static final String[][] EXACT = {
            {"1000000000001", "1000000000001", "1000000000001.5", "false"},
            {"1000000000001", "1000000000001", "1000000000001", "true"},
            {"1000000000001", "1000000000001", "1000000000001.0", "false"},
            {"1", "1", "True", "false"},
            {"0", "0", "False", "false"},
            {"true", "True", "1", "false"},
            {"true", "True", "True", "true"},
            {"36893488147419103232", "2**65", "2**65", "true"},
            {"36893488147419103232", "2**65", "2**65 + 1", "false"},
            {"36893488147419103232", "2**65", "float(2**65)", "false"},
            {"9007199254740993", "2**53 + 1", "2**53", "false"},
            {"-170141183460469231731687303715884105728", "-2**127", "-2**127", "true"},
            {"0.30000000000000004", "0.1 + 0.2", "0.1 + 0.2", "true"},
            {"0.3", "0.3", "0.1 + 0.2", "false"},
            {"4.0", "4.0", "4", "false"},
            {"0.0", "0.0", "-0.0", "true"},
            {"1e20", "1e20", "10**20", "false"},
            {"1e20", "1e20", "1e20", "true"},
            {"1.5", "1.5", "float('nan')", "false"},
            {"1e308", "1e308", "float('inf')", "false"},
            {"[1, 2]", "[1, 2]", "(1, 2)", "false"},
            {"[1, 2]", "[1, 2]", "[1, 2]", "true"},
            {"[1, 2]", "[1, 2]", "[1, 2.0]", "false"},
            {"{\"a\": 1, \"b\": 2}", "{'a': 1, 'b': 2}", "{'b': 2, 'a': 1}", "true"},
            {"{\"1\": 1}", "{'1': 1}", "{1: 1}", "false"},
            {"\"\\u00e9\"", "'\\u00e9'", "'e\\u0301'", "false"},
            {"\"\\u00e9\"", "'\\u00e9'", "'\\u00e9'", "true"},
            {"\"\\ud83d\\ude00\"", "'\\U0001F600'", "'\\ud83d\\ude00'", "false"},
            {"\"\\ud83d\\ude00\"", "'\\U0001F600'", "'\\U0001F600'", "true"},
            {"null", "None", "None", "true"},
            {"null", "None", "0", "false"},
            {"\"5\"", "'5'", "5", "false"},
            {"[1]", "[1]", "type('L', (list,), {})([1])", "false"},
            {"5", "5", "type('I', (int,), {'__eq__': lambda s, o: True})(6)", "false"},
    };

    private static final String[][] TOLERANT = {
            {"0.3", "0.3", "0.1 + 0.2", "true"},
            {"1.0", "1.0", "1.001", "false"},
            {"5.0", "5.0", "5", "false"},
            {"1e20", "1e20", "1e20 * (1 + 1e-12)", "true"},
            {"1.5", "1.5", "float('nan')", "false"},
            {"1000000000001", "1000000000001", "1000000000001.5", "false"},
    };

    @Test
    void exactByDefault() {
        check(EXACT, null);
    }

    @Test
    void floatsWithinTheDeclaredTolerance() {
        check(TOLERANT, 1e-9);
    }

    private void check(String[][] rows, Double tolerance) {
        long id = create(rows, tolerance);
        Api.Reply graded = submit(id, program(rows, 2), 400);
        assertEquals(201, graded.status(), String.valueOf(graded.body()));
        long submission = ((Number) graded.data().get("id")).longValue();
        assertEquals(rows.length + 1, ((List<?>) graded.data().get("results")).size(), String.valueOf(graded.body()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) api.get("/submissions/" + submission,
                TestTokens.admin(1)).data().get("results");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            Map<String, Object> result = results.get(i + 1);
            if (!String.valueOf(result.get("passed")).equals(rows[i][3])) {
                wrong.add("expected " + rows[i][0] + " vs " + rows[i][2] + " should pass: " + rows[i][3] + " but "
                        + result);
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** One example, then a hidden test per row; the reference solution returns the reference column. */
    private long create(String[][] rows, Double tolerance) {
        StringBuilder tests = new StringBuilder("[{\"name\": \"e\", \"call\": \"v(-1)\", \"expected\": -1, "
                + "\"hidden\": false}");
        for (int i = 0; i < rows.length; i++) {
            tests.append(", {\"name\": \"row ").append(i).append("\", \"call\": \"v(").append(i)
                    .append(")\", \"expected\": ").append(rows[i][0]).append(", \"hidden\": true}");
        }
        tests.append(']');
        String body = "{\"title\": \"Values " + System.nanoTime() + "\", \"body\": \"b\", \"language\": \"python\", "
                + "\"tests\": " + tests + ", "
                + (tolerance == null ? "" : "\"float_tolerance\": " + tolerance + ", ")
                + "\"solution\": " + quote(program(rows, 1)) + "}";
        Api.Reply created = api.post("/exercises", body, TestTokens.admin(1));
        assertEquals(201, created.status(), String.valueOf(created.body()));
        return ((Number) created.data().get("id")).longValue();
    }

    private static String program(String[][] rows, int column) {
        return "VALUES = [" + java.util.Arrays.stream(rows).map(r -> r[column]).collect(Collectors.joining(", "))
                + "]\ndef v(i):\n    return -1 if i == -1 else VALUES[i]\n";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
