package dev.dojo.eval.submission;

import dev.dojo.eval.testing.Api;
import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.testing.tokens.TestTokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class SubmissionApiTest extends ApiTestBase {

    private long sum;

    @BeforeAll
    void exercise() {
        sum = createSumExercise();
    }

    @Test
    void correctSubmissionPassesAndIsScored() {
        Api.Reply response = submit(sum, "print('hello')\n" + SUM, 100);
        assertEquals(201, response.status(), String.valueOf(response.body()));
        Map<String, Object> data = response.data();
        assertEquals("success", response.body().get("status"));
        assertEquals("passed", data.get("verdict"));
        assertEquals(true, data.get("passed"));
        assertEquals(((Number) data.get("exercise_id")).longValue(), sum);
        assertEquals("hello\n", data.get("output"));
        assertEquals(false, data.get("output_truncated"));
        assertTrue(data.containsKey("duration_ms") && data.containsKey("created_at") && data.containsKey("id"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) data.get("results");
        assertEquals(2, results.size());
        assertEquals(Map.of("name", "adds small numbers", "hidden", false, "passed", true, "call", "sum(2, 3)",
                "expected", "5", "actual", "5"), without(results.get(0), "duration_ms"),
                "an example shows its call, expected and actual value");
        assertTrue(results.get(0).get("duration_ms") instanceof Number);
        assertEquals(Map.of("hidden", true, "passed", true), results.get(1), "a hidden test shows only passed");

        List<Map<String, Object>> scores = scores(TestTokens.user(100));
        assertEquals(1, scores.size());
        assertEquals(true, scores.get(0).get("solved"));
        assertEquals(1, ((Number) scores.get(0).get("attempts")).intValue());
        assertTrue(scores.get(0).get("first_solved_at") instanceof String);
    }

    @Test
    void wrongSubmissionFailsAndShowsExpectedAndActual() {
        Map<String, Object> data = submit(sum, "def sum(x, y):\n    return x * y\n", 101).data();
        assertEquals("failed", data.get("verdict"));
        assertEquals(false, data.get("passed"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) data.get("results");
        assertEquals(false, results.get(0).get("passed"));
        assertEquals("5", results.get(0).get("expected"));
        assertEquals("6", results.get(0).get("actual"));
        assertEquals(Map.of("hidden", true, "passed", false), results.get(1));

        Map<String, Object> score = scores(TestTokens.user(101)).get(0);
        assertEquals(false, score.get("solved"));
        assertNull(score.get("first_solved_at"));
    }

    @Test
    void attemptsAccumulateAndSolvedStaysSolved() {
        submit(sum, "def sum(x, y):\n    return 0\n", 102);
        submit(sum, SUM, 102);
        submit(sum, "def sum(x, y):\n    return 0\n", 102);
        Map<String, Object> score = scores(TestTokens.user(102)).get(0);
        assertEquals(3, ((Number) score.get("attempts")).intValue());
        assertEquals(true, score.get("solved"));

        long scoreId = ((Number) score.get("id")).longValue();
        // by id, owner and admin read the very score the list shows
        Api.Reply byOwner = api.get("/scores/" + scoreId, TestTokens.user(102));
        assertEquals(200, byOwner.status());
        assertEquals(score, byOwner.data());
        Api.Reply byAdmin = api.get("/scores/" + scoreId, TestTokens.admin(1));
        assertEquals(200, byAdmin.status());
        assertEquals(score, byAdmin.data());
        assertEquals(403, api.get("/scores/" + scoreId, TestTokens.user(103)).status());
        assertEquals("Score does not exist", api.get("/scores/999999", TestTokens.user(102)).message());
        assertEquals(404, api.get("/scores/abc", TestTokens.user(102)).status());
        for (String id : List.of("+1", "1&x", "(1)", "!1")) {
            assertEquals("Score does not exist", api.get("/scores/" + id, TestTokens.user(102)).message(), id);
            assertEquals("Submission does not exist.", api.get("/submissions/" + id, TestTokens.user(102)).message(),
                    id);
        }
        assertTrue(listOf(api.get("/scores", TestTokens.admin(1)), "scores").size() >= 1);
        assertTrue(listOf(api.get("/scores", TestTokens.user(103)), "scores").isEmpty());
    }

    @Test
    void crashingSubmissionIsAnError() {
        Map<String, Object> data = submit(sum, "def sum(x, y):\n    return x / 0\n", 104).data();
        assertEquals("error", data.get("verdict"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) data.get("results");
        assertTrue(((String) results.get(0).get("error")).startsWith("ZeroDivisionError"));
        assertEquals(Map.of("hidden", true, "passed", false), results.get(1), "after an example raised, not run");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> admin = (List<Map<String, Object>>) api.get("/submissions/" + data.get("id"),
                TestTokens.admin(1)).data().get("results");
        assertEquals("not run: an example raised an exception", admin.get(1).get("error"));
    }

    @Test
    void syntaxErrorIsAnErrorWithTheMessageInTheOutput() {
        Map<String, Object> data = submit(sum, "def sum(x, y) return x + y\n", 105).data();
        assertEquals("error", data.get("verdict"));
        assertTrue(((String) data.get("output")).contains("SyntaxError"), String.valueOf(data));
        assertEquals(List.of(), data.get("results"));
    }

    @Test
    void submissionsAreVisibleToTheirOwnerAndAdmins() {
        long id = ((Number) submit(sum, SUM, 106).data().get("id")).longValue();
        Api.Reply own = api.get("/submissions/" + id, TestTokens.user(106));
        assertEquals(200, own.status());
        assertEquals("passed", own.data().get("verdict"));
        assertEquals(403, api.get("/submissions/" + id, TestTokens.user(107)).status());
        Api.Reply byAdmin = api.get("/submissions/" + id, TestTokens.admin(1));
        assertEquals(200, byAdmin.status());
        assertEquals(id, ((Number) byAdmin.data().get("id")).longValue());
        assertEquals("passed", byAdmin.data().get("verdict"));
        assertEquals(((List<?>) own.data().get("results")).size(), ((List<?>) byAdmin.data().get("results")).size(),
                "the admin reads the same submission, every result included");
        assertEquals(404, api.get("/submissions/999999", TestTokens.user(106)).status());
        assertEquals(404, api.get("/submissions/x1", TestTokens.user(106)).status());

        Api.Reply listed = api.get("/submissions?exercise_id=" + sum, TestTokens.user(106));
        assertEquals("no-store", listed.headers().get("Cache-Control"), "one learner's code: kept by no cache");
        assertEquals("no-store", byAdmin.headers().get("Cache-Control"));
        List<Map<String, Object>> mine = listOf(listed, "submissions");
        assertEquals(1, mine.size());
        assertTrue(listOf(api.get("/submissions", TestTokens.user(107)), "submissions").isEmpty());
        assertTrue(listOf(api.get("/submissions", TestTokens.admin(1)), "submissions").size() >= 1);
        // the filter has one spelling, as path ids: no coerced "+1", "01" or an empty value read as no filter
        for (String filter : List.of("abc", "%2B" + sum, "0" + sum, "", "-1", "0", "1.0", "99999999999999999999",
                sum + "&exercise_id=" + sum)) {
            Api.Reply reply = api.get("/submissions?exercise_id=" + filter, TestTokens.user(106));
            assertEquals(400, reply.status(), filter);
            assertEquals("Invalid payload.", reply.body().get("message"), filter);
        }
    }

    @Test
    void tokensAreRequiredAndChecked() {
        // the contract's messages (docs: original-app.md, token errors), not only the status
        String missing = "Provide a valid auth token.";
        String invalid = "Invalid token. Please log in again.";
        api.post("/submissions", Map.of("exercise_id", sum, "code", SUM), null).expectFail(401, missing);
        api.post("/submissions", Map.of("exercise_id", sum, "code", SUM), TestTokens.expired(1))
                .expectFail(401, "Signature expired. Please log in again.");
        api.post("/submissions", Map.of("exercise_id", sum, "code", SUM), TestTokens.forged(1))
                .expectFail(401, invalid);
        api.get("/scores/user", "not-a-jwt").expectFail(401, invalid);
        api.get("/submissions", null).expectFail(401, missing);
    }

    @Test
    void badInputIsRejectedAndNothingIsWritten() {
        String token = TestTokens.user(108);
        Map<String, Object> missingCode = new HashMap<>(Map.of("exercise_id", sum));
        assertInvalid(api.post("/submissions", missingCode, token));
        assertInvalid(api.post("/submissions", Map.of("code", SUM), token));
        assertInvalid(api.post("/submissions", Map.of("exercise_id", "abc", "code", SUM), token));
        assertInvalid(api.post("/submissions", Map.of("exercise_id", sum, "code", "x\u0000y"), token));
        assertInvalid(api.post("/submissions", Map.of("exercise_id", sum, "code", "#".repeat(70_000)), token));
        assertInvalid(api.post("/submissions", "{\"exercise_id\": ", token));
        Api.Reply tooLarge = api.post("/submissions", Map.of("exercise_id", sum, "code", "#".repeat(1_100_000)),
                token);
        assertEquals(413, tooLarge.status());
        assertEquals("fail", tooLarge.body().get("status"));
        Api.Reply unknown = api.post("/submissions", Map.of("exercise_id", 999999, "code", SUM), token);
        assertEquals(404, unknown.status());
        assertEquals("Exercise does not exist.", unknown.message());

        assertTrue(listOf(api.get("/submissions", token), "submissions").isEmpty());
        assertTrue(scores(token).isEmpty());
    }

    @Test
    void scoresCannotBeReportedByClients() {
        Api.Reply post = api.post("/scores", Map.of("exercise_id", sum, "correct", true), TestTokens.user(109));
        assertTrue(List.of(403, 404, 405).contains(post.status()), "status " + post.status());
        assertTrue(scores(TestTokens.user(109)).isEmpty());
    }

    private static Map<String, Object> without(Map<String, Object> map, String key) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.remove(key);
        return copy;
    }

    private void assertInvalid(Api.Reply response) {
        assertEquals(400, response.status(), String.valueOf(response.body()));
        assertEquals("fail", response.body().get("status"));
        assertEquals("Invalid payload.", response.message());
    }

    private List<Map<String, Object>> scores(String token) {
        return listOf(api.get("/scores/user", token), "scores");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Api.Reply response, String key) {
        assertEquals(200, response.status(), String.valueOf(response.body()));
        return (List<Map<String, Object>>) response.data().get(key);
    }
}
