package dev.dojo.eval.testing;

import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** One running eval (real PostgreSQL, real sandbox, test JWKS) per test class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTestBase implements TestPropertyProvider {

    public static final String SUM = Api.SUM;

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

    /** {@link Api#createSumExercise()}. */
    protected long createSumExercise() {
        return api.createSumExercise();
    }

    protected Api.Reply submit(long exerciseId, String code, long userId) {
        return api.submit(exerciseId, code, userId);
    }
}
