package dev.dojo.swapper.spec;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

/**
 * Base of the tests that wait on {@link CountingSpecFetcher}'s record of fetch attempts instead of sleeping past a
 * schedule: it turns that fetcher on and gives the test client a read timeout a loaded machine does not run into.
 */
public abstract class FetchCountingTestBase implements TestPropertyProvider {

    @Inject
    @Client("/")
    protected HttpClient http;

    @Inject
    protected CountingSpecFetcher fetcher;

    @Override
    public final Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(settings());
        properties.put("dojo.test.count-fetches", "true");
        // the test client's default 10 s read timeout is a wall-clock bound a loaded machine exceeds
        properties.put("micronaut.http.client.read-timeout", "120s");
        return properties;
    }

    /** The test's own properties. */
    protected abstract Map<String, String> settings();
}
