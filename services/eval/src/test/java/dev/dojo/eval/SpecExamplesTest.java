package dev.dojo.eval;

import dev.dojo.eval.testing.Api;
import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.testing.tokens.TestTokens;
import dev.dojo.testing.contract.SpecExamples;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every request body in docs/api/eval.yml has an example, and the examples work as the spec shows them: the
 * exercise example is created (its solution passes its test in the real sandbox), the submission example is graded
 * against it, and PUT replaces it. The contract filter checks each answer against the spec as well.
 */
@MicronautTest(transactional = false)
class SpecExamplesTest extends ApiTestBase {

    private static final Path SPEC = Path.of("../../docs/api/eval.yml");

    @Test
    void everyRequestBodyHasAWorkingExample() {
        List<SpecExamples.Example> examples = SpecExamples.of(SPEC);
        assertFalse(examples.isEmpty(), "no request bodies found in " + SPEC);
        examples.forEach(e -> assertEquals(List.of(), e.missing(), e + ": required properties without an example"));

        Api.Reply created = api.post("/exercises", body(examples, "POST", "/exercises"), TestTokens.admin(1));
        assertEquals(201, created.status(), "the exercise example: " + created.body());
        long id = ((Number) created.data().get("id")).longValue();

        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> submission = new java.util.HashMap<>(
                (java.util.Map<String, Object>) body(examples, "POST", "/submissions"));
        submission.put("exercise_id", id); // the example names exercise 1; this database's exercise has its own id
        Api.Reply graded = api.post("/submissions", submission, TestTokens.user(7));
        assertTrue(graded.status() == 200 || graded.status() == 201, "the submission example: " + graded.body());
        assertEquals(Boolean.TRUE, graded.data().get("passed"), "the example code solves the example exercise: "
                + graded.body());

        Api.Reply replaced = api.put("/exercises/" + id, body(examples, "PUT", "/exercises/{id}"),
                TestTokens.admin(1));
        assertEquals(200, replaced.status(), "the exercise example as PUT: " + replaced.body());
    }

    /** A field error names the property as the client sends it (and the spec shows it), not the Java name. */
    @Test
    void fieldErrorsUseTheWireNames() {
        Api.Reply refused = api.post("/submissions", java.util.Map.of("code", "print(1)"), TestTokens.user(7));
        assertEquals(400, refused.status(), String.valueOf(refused.body()));
        assertEquals(List.of(java.util.Map.of("field", "exercise_id", "message", "must not be null")),
                refused.body().get("errors"), String.valueOf(refused.body()));
    }

    private static Object body(List<SpecExamples.Example> examples, String method, String path) {
        return examples.stream().filter(e -> e.method().equals(method) && e.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + method + " " + path + " body in " + SPEC)).body();
    }
}
