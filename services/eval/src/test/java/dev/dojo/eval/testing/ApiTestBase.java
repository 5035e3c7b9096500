package dev.dojo.eval.testing;

import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One running eval (real PostgreSQL, real sandbox, test JWKS) per test class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTestBase implements TestPropertyProvider {

    public static final String SUM = "def sum(x, y):\n    return x + y\n";

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected HttpClient httpClient;

    protected Api api;

    @Override
    public Map<String, String> getProperties() {
        return EvalProperties.of();
    }

    @BeforeAll
    void createClient() {
        api = new Api(httpClient, server.getURL());
    }

    /**
     * Adds a "sum" exercise through the admin API and returns its id: one example ({@code sum(2, 3)}, visible) and
     * one hidden test ({@code sum(-4, 1)}).
     */
    protected long createSumExercise() {
        return createSumExercise(api);
    }

    /** {@link #createSumExercise()} through {@code api}, for a test that runs eval itself. */
    public static long createSumExercise(Api api) {
        Api.Response created = api.post("/exercises", Map.of(
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

    protected Api.Response submit(long exerciseId, String code, long userId) {
        return api.post("/submissions", Map.of("exercise_id", exerciseId, "code", code), TestTokens.user(userId));
    }
}
