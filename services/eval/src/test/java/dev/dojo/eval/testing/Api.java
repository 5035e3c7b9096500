package dev.dojo.eval.testing;

import dev.dojo.testing.api.JsonApi;
import dev.dojo.testing.tokens.TestTokens;
import io.micronaut.http.client.HttpClient;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared blocking client ({@link JsonApi}) plus eval's own calls: add an exercise, submit code. */
public final class Api extends JsonApi {

    public static final String SUM = "def sum(x, y):\n    return x + y\n";

    public Api(HttpClient client, URL base) {
        super(client, base);
    }

    /**
     * Adds a "sum" exercise through the admin API and returns its id: one example ({@code sum(2, 3)}, visible) and
     * one hidden test ({@code sum(-4, 1)}).
     */
    public long createSumExercise() {
        Reply created = post("/exercises", Map.of(
                "title", "Sum " + System.nanoTime(),
                "body", "Define `sum(x, y)`.",
                "language", "python",
                "tests", List.of(
                        Map.of("name", "adds small numbers", "call", "sum(2, 3)", "expected", 5, "hidden", false),
                        Map.of("name", "adds negative numbers", "call", "sum(-4, 1)", "expected", -3, "hidden", true)),
                "solution", SUM), TestTokens.admin(1));
        assertEquals(201, created.status(), String.valueOf(created.body()));
        return ((Number) created.data().get("id")).longValue();
    }

    public Reply submit(long exerciseId, String code, long userId) {
        return post("/submissions", Map.of("exercise_id", exerciseId, "code", code), TestTokens.user(userId));
    }
}
