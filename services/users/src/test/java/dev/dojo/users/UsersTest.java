package dev.dojo.users;

import dev.dojo.testing.TestDatabase;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * Base of the users service's integration tests: each test class gets its own fresh database on the shared real
 * PostgreSQL and one application context on a random port. Subclasses add properties with {@link #extra()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class UsersTest implements TestPropertyProvider {

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
