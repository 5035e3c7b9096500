package dev.dojo.eval.json;

import dev.dojo.eval.testing.Api;
import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.testing.tokens.TestTokens;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every request field of eval refuses a value of another JSON type with 400 and a field error naming it, before
 * anything is graded or stored: {@code {"exercise_id": 1, "code": true}} is not the code {@code "true"}.
 */
@MicronautTest
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
class StrictJsonTest extends ApiTestBase {

    private static final String CODE = "def sum(x, y):\n    return x + y\n";
    /** Values that are not JSON strings; a one-element list holding a string must not be unwrapped. */
    private static final List<Object> NOT_STRINGS = List.of(123, 12345678901L, 1.5, true, false,
            List.of("text"), List.of("a", "b"), List.of(), Map.of(), Map.of("value", "text"));
    /** Values that are not JSON integers. */
    private static final List<Object> NOT_INTEGERS = List.of("1", "one", 1.5, 1e3, true, List.of(1), List.of(),
            Map.of(), Map.of("id", 1), 123456789012345678901234567890.0);

    @Test
    void theIssuesExampleIsRefused() {
        Api.Reply reply = api.post("/submissions", Map.of("exercise_id", 1, "code", true), TestTokens.user(3));
        assertWrongType(reply, "code", "must be a string", "code = true");
    }

    @Test
    void submissionFieldsRefuseOtherTypes() {
        for (Object wrong : NOT_INTEGERS) {
            assertWrongType(api.post("/submissions", body("exercise_id", wrong, "code", CODE), TestTokens.user(3)),
                    "exercise_id", "must be an integer", "exercise_id = " + wrong);
        }
        for (Object wrong : NOT_STRINGS) {
            assertWrongType(api.post("/submissions", body("exercise_id", 1, "code", wrong), TestTokens.user(3)),
                    "code", "must be a string", "code = " + wrong);
        }
        assertEquals(0, ((List<?>) api.get("/submissions", TestTokens.user(3)).data().get("submissions")).size(),
                "a refused submission was stored");
    }

    @Test
    void exerciseFieldsRefuseOtherTypes() {
        int before = exerciseCount();
        for (String field : List.of("title", "body", "language", "starter_code", "solution")) {
            for (Object wrong : NOT_STRINGS) {
                Map<String, Object> exercise = exercise();
                exercise.put(field, wrong);
                assertWrongType(api.post("/exercises", exercise, TestTokens.admin(1)), field, "must be a string",
                        field + " = " + wrong);
                assertWrongType(api.put("/exercises/1", exercise, TestTokens.admin(1)), field, "must be a string",
                        "PUT " + field + " = " + wrong);
            }
        }
        for (String field : List.of("name", "call")) {
            for (Object wrong : NOT_STRINGS) {
                Map<String, Object> test = new HashMap<>(Map.of("name", "adds", "call", "sum(2, 3)", "expected", 5));
                test.put(field, wrong);
                Map<String, Object> exercise = exercise();
                exercise.put("tests", List.of(Map.of("name", "first", "call", "sum(1, 1)", "expected", 2), test));
                assertWrongType(api.post("/exercises", exercise, TestTokens.admin(1)), "tests[1]." + field,
                        "must be a string", "tests[1]." + field + " = " + wrong);
            }
        }
        assertEquals(before, exerciseCount());
    }

    /** float_tolerance was read from {@code "0.1"} and {@code [0.1]}, and {@code true} became 1.0. */
    @Test
    void aNumberFieldRefusesAnythingButANumber() {
        int before = exerciseCount();
        for (Object wrong : List.of("0.1", "1e-3", "", true, false, List.of(0.1), List.of(), Map.of(),
                Map.of("value", 0.1))) {
            Map<String, Object> exercise = exercise();
            exercise.put("float_tolerance", wrong);
            assertWrongType(api.post("/exercises", exercise, TestTokens.admin(1)), "float_tolerance",
                    "must be a number", "float_tolerance = " + wrong);
            assertWrongType(api.put("/exercises/1", exercise, TestTokens.admin(1)), "float_tolerance",
                    "must be a number", "PUT float_tolerance = " + wrong);
        }
        assertEquals(before, exerciseCount());
        for (Object right : List.of(0, 0.25, 1e-3)) {
            Map<String, Object> exercise = exercise();
            exercise.put("tests", List.of(Map.of("name", "adds", "call", "sum(2, 3)", "expected", 5, "hidden", false),
                    Map.of("name", "adds more", "call", "sum(4, 5)", "expected", 9)));
            exercise.put("float_tolerance", right);
            Api.Reply reply = api.post("/exercises", exercise, TestTokens.admin(1));
            assertEquals(201, reply.status(), () -> "float_tolerance = " + right + " → " + reply.body());
        }
    }

    @Test
    void aListFieldRefusesAnythingButAList() {
        for (Object wrong : List.of("sum(2, 3)", 5, true, Map.of("name", "adds", "call", "sum(2, 3)", "expected", 5))) {
            Map<String, Object> exercise = exercise();
            exercise.put("tests", wrong);
            Api.Reply reply = api.post("/exercises", exercise, TestTokens.admin(1));
            assertEquals(400, reply.status(), () -> "tests = " + wrong + " → " + reply.body());
            assertEquals("fail", reply.body().get("status"));
            assertEquals("Invalid payload.", reply.message());
        }
    }

    /** A field eval does not know is refused, not ignored: a client's own {@code correct} is not even read. */
    @Test
    void unknownFieldsAreRefused() {
        int before = exerciseCount();
        Map<String, Object> submission = body("exercise_id", 1, "code", CODE);
        submission.put("correct", true);
        assertInvalid(api.post("/submissions", submission, TestTokens.user(4)), "submission with correct");
        Map<String, Object> exercise = exercise();
        exercise.put("id", 99);
        assertInvalid(api.post("/exercises", exercise, TestTokens.admin(1)), "exercise with an id");
        Map<String, Object> withSecret = exercise();
        withSecret.put("tests", List.of(Map.of("name", "first", "call", "sum(1, 1)", "expected", 2, "hidden", false),
                Map.of("name", "second", "call", "sum(2, 2)", "expected", 4, "weight", 10)));
        assertInvalid(api.post("/exercises", withSecret, TestTokens.admin(1)), "a test with a weight");
        assertEquals(before, exerciseCount());
        assertEquals(0, ((List<?>) api.get("/submissions", TestTokens.user(4)).data().get("submissions")).size(),
                "a refused submission was stored");
    }

    /** A body is one JSON value: whatever follows it is malformed input, not something to ignore. */
    @Test
    void onlyOneJsonValueIsAccepted() {
        long exercise = createSumExercise();
        String submission = "{\"exercise_id\": " + exercise + ", \"code\": \"def sum(x, y):\\n    return x + y\\n\"}";
        for (String tail : List.of(" x", "{}", "]", "}", ",", " {\"exercise_id\": 2, \"code\": \"\"}", "1")) {
            assertInvalid(api.postRaw("/submissions", submission + tail, MediaType.APPLICATION_JSON,
                    TestTokens.user(5)), "tail " + tail);
        }
        assertEquals(0, ((List<?>) api.get("/submissions", TestTokens.user(5)).data().get("submissions")).size(),
                "a refused submission was stored");
        // the same body alone, and with whitespace after it, is read
        Api.Reply alone = api.postRaw("/submissions", submission + " \r\n\t ", MediaType.APPLICATION_JSON,
                TestTokens.user(5));
        assertEquals(201, alone.status(), () -> alone.body().toString());
    }

    /** A lone surrogate escape is no text: stored, it would come back as "?", code the learner never sent. */
    @Test
    void aLoneSurrogateIsNoText() {
        long exercise = createSumExercise();
        assertWrongType(api.postRaw("/submissions", "{\"exercise_id\": " + exercise
                        + ", \"code\": \"def sum(x, y):\\n    return x + y  # \\ud800\\n\"}", MediaType.APPLICATION_JSON,
                TestTokens.user(6)), "code", "must be valid Unicode text", "code with \\ud800");
        assertEquals(0, ((List<?>) api.get("/submissions", TestTokens.user(6)).data().get("submissions")).size(),
                "a refused submission was stored");
    }

    private static void assertInvalid(Api.Reply reply, String what) {
        assertEquals(400, reply.status(), () -> what + " → " + reply.body());
        assertEquals("fail", reply.body().get("status"), what);
        assertEquals("Invalid payload.", reply.message(), what);
    }

    private int exerciseCount() {
        return ((List<?>) api.get("/exercises", TestTokens.admin(1)).data().get("exercises")).size();
    }

    private static void assertWrongType(Api.Reply reply, String field, String message, String what) {
        assertEquals(400, reply.status(), () -> what + " → " + reply.body());
        assertEquals(Map.of("status", "fail", "message", "Invalid payload.",
                "errors", List.of(Map.of("field", field, "message", message))), reply.body(), what);
    }

    private static Map<String, Object> body(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(k1, v1);
        body.put(k2, v2);
        return body;
    }

    private static Map<String, Object> exercise() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Sum");
        body.put("body", "Define `sum(x, y)`.");
        body.put("language", "python");
        body.put("starter_code", "def sum(x, y):\n    pass\n");
        body.put("tests", List.of(Map.of("name", "adds", "call", "sum(2, 3)", "expected", 5)));
        body.put("solution", CODE);
        return body;
    }
}
