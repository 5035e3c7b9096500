package dev.dojo.users;

import dev.dojo.testing.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * Base of the users service's integration tests: each test class gets its own fresh database on the shared real
 * PostgreSQL and one application context on a random port, with {@link #api} to call it. Subclasses add properties with {@link #extra()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class UsersTest implements TestPropertyProvider {

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected HttpClient client;
    /** The service's API over real HTTP, ready before any subclass's {@code @BeforeAll}. */
    protected Api api;

    @BeforeAll
    void connectApi() {
        api = new Api(client, server.getURL());
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = databaseProperties();
        properties.putAll(extra());
        return properties;
    }

    /** A fresh database's datasource properties. */
    public static Map<String, String> databaseProperties() {
        return TestDatabase.freshProperties("users");
    }

    protected Map<String, String> extra() {
        return Map.of();
    }
}
