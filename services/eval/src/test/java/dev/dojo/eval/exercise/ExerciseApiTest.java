package dev.dojo.eval.exercise;

import dev.dojo.eval.testing.Api;
import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.testing.tokens.TestTokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class ExerciseApiTest extends ApiTestBase {

    private static Map<String, Object> exercise(String title, String solution) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("body", "Define `double(x)`.");
        body.put("language", "python");
        body.put("starter_code", "def double(x):\n    pass\n");
        body.put("tests", List.of(
                Map.of("name", "doubles two", "call", "double(2)", "expected", 4, "hidden", false),
                Map.of("name", "doubles a list", "call", "double([1])", "expected", List.of(1, 1), "hidden", true)));
        body.put("solution", solution);
        return body;
    }

    @Test
    void publicListHidesTestsAndSolutionsAdminsSeeThem() {
        long id = created(api.post("/exercises", exercise("Double", "def double(x):\n    return x * 2\n"),
                TestTokens.admin(1)));
        Map<String, Object> anonymous = find(api.get("/exercises", null), id);
        assertEquals("Double", anonymous.get("title"));
        assertEquals("def double(x):\n    pass\n", anonymous.get("starter_code"));
        assertEquals("python", anonymous.get("language"));
        assertTrue(anonymous.containsKey("created_at") && anonymous.containsKey("updated_at"));
        assertFalse(anonymous.containsKey("tests"));
        assertFalse(anonymous.containsKey("solution"));
        assertEquals(List.of(Map.of("name", "doubles two", "call", "double(2)", "expected", "4")),
                anonymous.get("examples"), "examples show their call and expected value as a Python literal");
        assertEquals(0.0, ((Number) anonymous.get("float_tolerance")).doubleValue());
        Map<String, Object> learner = find(api.get("/exercises", TestTokens.user(5)), id);
        assertFalse(learner.containsKey("tests"));

        Api.Reply one = api.get("/exercises/" + id, null);
        assertEquals(200, one.status());
        assertFalse(one.data().containsKey("solution"));
        for (Api.Reply seen : List.of(one, api.get("/exercises/" + id, TestTokens.user(5)),
                api.get("/exercises", TestTokens.user(5)))) {
            String text = String.valueOf(seen.body());
            assertFalse(text.contains("doubles a list") || text.contains("double([1])"), "hidden test leaked: " + text);
        }

        Map<String, Object> admin = api.get("/exercises/" + id, TestTokens.admin(1)).data();
        assertEquals("def double(x):\n    return x * 2\n", admin.get("solution"));
        assertEquals(List.of(
                Map.of("name", "doubles two", "call", "double(2)", "expected", 4, "hidden", false),
                Map.of("name", "doubles a list", "call", "double([1])", "expected", List.of(1, 1), "hidden", true)),
                admin.get("tests"));
    }

    @Test
    void anExerciseWhoseSolutionFailsItsTestsIsRefused() {
        int before = count();
        Api.Reply refused = api.post("/exercises", exercise("Broken", "def double(x):\n    return x + x + 0 if "
                + "isinstance(x, int) else x\n"), TestTokens.admin(1));
        assertEquals(400, refused.status());
        assertTrue(refused.message().contains("doubles a list"), refused.message());
        assertEquals(before, count());
    }

    @Test
    void onlyAdminsManageExercises() {
        Map<String, Object> body = exercise("Guarded", "def double(x):\n    return x * 2\n");
        api.post("/exercises", body, null).expectFail(401, "Provide a valid auth token.");
        Api.Reply forbidden = api.post("/exercises", body, TestTokens.user(5));
        assertEquals(403, forbidden.status());
        assertEquals("You do not have permission to do that.", forbidden.message());
        long id = created(api.post("/exercises", body, TestTokens.admin(1)));
        assertEquals(403, api.put("/exercises/" + id, body, TestTokens.user(5)).status());
        assertEquals(403, api.delete("/exercises/" + id, TestTokens.user(5)).status());
        assertEquals(200, api.get("/exercises/" + id, null).status());
    }

    @Test
    void aPathNoRouteHasIsNotFoundForEveryone() {
        for (String path : List.of("/exercises/1/x", "/submissions/x/y", "/scores/user/x", "/exercises/1//")) {
            for (String token : Arrays.asList(null, TestTokens.user(5), TestTokens.admin(1))) {
                Api.Reply reply = api.get(path, token);
                assertEquals(404, reply.status(), path + " " + reply.body());
                assertEquals("Not found.", reply.message(), path);
            }
        }
    }

    @Test
    void updateAndDelete() {
        long id = created(api.post("/exercises", exercise("Before", "def double(x):\n    return x * 2\n"),
                TestTokens.admin(1)));
        Map<String, Object> changed = exercise("After", "def double(x):\n    return 2 * x\n");
        Api.Reply updated = api.put("/exercises/" + id, changed, TestTokens.admin(1));
        assertEquals(200, updated.status(), String.valueOf(updated.body()));
        assertEquals("After", api.get("/exercises/" + id, null).data().get("title"));

        Map<String, Object> failing = exercise("Worse", "def double(x):\n    return x\n");
        assertEquals(400, api.put("/exercises/" + id, failing, TestTokens.admin(1)).status());
        assertEquals("After", api.get("/exercises/" + id, null).data().get("title"));

        submit(id, "def double(x):\n    return x * 2\n", 9);
        assertEquals(200, api.delete("/exercises/" + id, TestTokens.admin(1)).status());
        Api.Reply gone = api.get("/exercises/" + id, null);
        assertEquals(404, gone.status());
        assertEquals("Exercise does not exist.", gone.message());
        assertEquals(404, api.delete("/exercises/" + id, TestTokens.admin(1)).status());
        assertEquals(List.of(), api.get("/scores/user", TestTokens.user(9)).data().get("scores"));
    }

    @Test
    void badInputIsRejectedAndNothingIsWritten() {
        int before = count();
        String admin = TestTokens.admin(1);
        Map<String, Object> noTitle = exercise("x", "def double(x):\n    return x * 2\n");
        noTitle.remove("title");
        assertInvalid(api.post("/exercises", noTitle, admin));
        Map<String, Object> noTests = exercise("x", "def double(x):\n    return x * 2\n");
        noTests.put("tests", List.of());
        assertInvalid(api.post("/exercises", noTests, admin));
        Map<String, Object> blankCall = exercise("x", "def double(x):\n    return x * 2\n");
        blankCall.put("tests", List.of(Map.of("name", "n", "call", " ", "expected", 1)));
        assertInvalid(api.post("/exercises", blankCall, admin));
        Map<String, Object> cobol = exercise("x", "def double(x):\n    return x * 2\n");
        cobol.put("language", "cobol");
        assertInvalid(api.post("/exercises", cobol, admin));
        Map<String, Object> allHidden = exercise("x", "def double(x):\n    return x * 2\n");
        allHidden.put("tests", List.of(Map.of("name", "n", "call", "double(1)", "expected", 2)));
        assertEquals("at least one test must be an example (hidden: false)", fieldError(api.post("/exercises",
                allHidden, admin)));
        Map<String, Object> noHidden = exercise("x", "def double(x):\n    return x * 2\n");
        noHidden.put("tests", List.of(Map.of("name", "n", "call", "double(1)", "expected", 2, "hidden", false)));
        assertEquals("at least one test must be hidden", fieldError(api.post("/exercises", noHidden, admin)));
        for (Object tolerance : List.of(-0.1, 0.6)) {
            Map<String, Object> badTolerance = exercise("x", "def double(x):\n    return x * 2\n");
            badTolerance.put("float_tolerance", tolerance);
            assertInvalid(api.post("/exercises", badTolerance, admin));
        }
        // a test's name and call are copied into every stored result (jsonb): a NUL there made each submission a 500
        for (String field : List.of("name", "call")) {
            Map<String, Object> nul = exercise("x", "def double(x):\n    return x * 2\n");
            Map<String, Object> test = new HashMap<>(Map.of("name", "doubles two", "call", "double(2)", "expected", 4,
                    "hidden", false));
            test.put(field, test.get(field) + "\u0000");
            nul.put("tests", List.of(test, Map.of("name", "h", "call", "double(1)", "expected", 2)));
            assertEquals("must not contain NUL characters", fieldError(api.post("/exercises", nul, admin)), field);
        }
        assertInvalid(api.post("/exercises", "{\"title\": [", admin));
        assertInvalid(api.post("/exercises", "[]", admin));
        // 1e400 parses to an infinite double; comparing it was a 500 (found by e2e/hostile-sweep.py)
        String infinite = "{\"title\": \"t\", \"body\": \"b\", \"language\": \"python\", \"tests\": [{\"name\": \"n\","
                + " \"call\": \"f()\", \"expected\": [1e400]}], \"solution\": \"def f():\\n    return 1\\n\"}";
        assertInvalid(api.post("/exercises", infinite, admin));
        assertEquals(400, api.put("/exercises/1", infinite, admin).status());
        assertEquals(before, count());

        assertEquals(404, api.get("/exercises/abc", null).status());
        // characters Micronaut's plain {id} does not match (it answered "Not found."): the same answer as for "abc"
        for (String id : List.of("+1", "1&x", "(1)", "!1")) {
            assertEquals("Exercise does not exist.", api.get("/exercises/" + id, null).message(), id);
            assertEquals("Exercise does not exist.", api.put("/exercises/" + id,
                    exercise("x", "def double(x):\n    return x * 2\n"), admin).message(), id);
            assertEquals("Exercise does not exist.", api.delete("/exercises/" + id, admin).message(), id);
        }
        assertEquals(404, api.get("/exercises/99999999999999999999", null).status());
        assertEquals(404, api.put("/exercises/abc", exercise("x", "def double(x):\n    return x * 2\n"), admin)
                .status());
    }

    /** An expected value may hold any text, NUL included: it is compared in full and shown escaped. */
    @Test
    void aNulInsideAnExpectedValueIsGradedAndStored() {
        Map<String, Object> body = exercise("NUL in expected values", "def double(x):\n    return x * 2\n");
        body.put("tests", List.of(
                Map.of("name", "a string", "call", "double('a\\x00')", "expected", "a\u0000a\u0000", "hidden", false),
                Map.of("name", "a key", "call", "{'k\\x00': double(1)}", "expected", Map.of("k\u0000", 2))));
        long id = created(api.post("/exercises", body, TestTokens.admin(1)));
        for (String code : List.of("def double(x):\n    return x * 2\n", "def double(x):\n    return x\n")) {
            Api.Reply graded = api.post("/submissions", Map.of("exercise_id", id, "code", code), TestTokens.user(109));
            assertEquals(201, graded.status(), String.valueOf(graded.body()));
        }
    }

    private static void assertInvalid(Api.Reply response) {
        assertEquals(400, response.status(), String.valueOf(response.body()));
        assertEquals("fail", response.body().get("status"));
        assertEquals("Invalid payload.", response.message());
    }

    @SuppressWarnings("unchecked")
    private static String fieldError(Api.Reply response) {
        assertInvalid(response);
        return (String) ((List<Map<String, Object>>) response.body().get("errors")).get(0).get("message");
    }

    private int count() {
        return ((List<?>) api.get("/exercises", null).data().get("exercises")).size();
    }

    private static long created(Api.Reply response) {
        assertEquals(201, response.status(), String.valueOf(response.body()));
        assertEquals("New exercise was added!", response.message());
        return ((Number) response.data().get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> find(Api.Reply list, long id) {
        assertEquals(200, list.status());
        return ((List<Map<String, Object>>) list.data().get("exercises")).stream()
                .filter(e -> ((Number) e.get("id")).longValue() == id).findFirst().orElseThrow();
    }
}
