package dev.dojo.eval.sandbox;

import dev.dojo.eval.testing.Api;
import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.eval.testing.EvalProperties;
import dev.dojo.testing.tokens.TestTokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without bubblewrap the service fails closed: not ready, grading answers 503, nothing runs unsandboxed. */
@MicronautTest
class SandboxUnavailableTest extends ApiTestBase {

    @Override
    public Map<String, String> getProperties() {
        return EvalProperties.of("dojo.sandbox.bwrap", "/nonexistent/bwrap");
    }

    @Test
    void readinessSaysWhy() {
        Api.Reply readiness = api.get("/health/readiness", null);
        assertEquals(503, readiness.status());
        assertTrue(String.valueOf(readiness.body()).contains("/nonexistent/bwrap is missing"),
                String.valueOf(readiness.body()));
        assertEquals(200, api.get("/health/liveness", null).status());
    }

    @Test
    void gradingAndNewExercisesAnswer503() {
        Api.Reply created = api.post("/exercises", Map.of("title", "T", "body", "B", "language", "python",
                "tests", List.of(Map.of("name", "n", "call", "1", "expected", 1, "hidden", false),
                        Map.of("name", "h", "call", "2", "expected", 2)), "solution", "x = 1"),
                TestTokens.admin(1));
        assertEquals(503, created.status());
        assertEquals("error", created.body().get("status"));
        assertEquals("Grading is unavailable: the sandbox cannot run on this server.", created.message());
        assertEquals(List.of(), api.get("/exercises", null).data().get("exercises"));
    }
}
