package dev.dojo.main.proxy;

import dev.dojo.main.Http;
import dev.dojo.main.proxy.fast.FastLane;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A proxy suite that holds either lane to the same contract: it runs with the fast lane on, and a {@code FullPath*}
 * subclass runs it again with {@code dojo.gateway.fast-lane=false} by overriding {@link #fastLaneOn()}. The suite
 * checks that its requests really took the lane it meant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LaneSuite implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    FastLane fastLane;

    /** A path under a prefix of the suite's users service that answers 200. */
    abstract String plainPath();

    /** The suite's own properties (its services' routes and limits). */
    abstract Map<String, String> routeProperties();

    boolean fastLaneOn() {
        return true;
    }

    @Override
    public final Map<String, String> getProperties() {
        Map<String, String> all = new HashMap<>(routeProperties());
        all.put("dojo.gateway.fast-lane", Boolean.toString(fastLaneOn()));
        return all;
    }

    /** main's base URL. */
    String base() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Test
    void plainRequestsTakeTheConfiguredLane() {
        long before = fastLane.exchanges();
        HttpResponse<String> response = Http.get(base(), plainPath());
        assertEquals(200, response.statusCode());
        assertEquals(fastLaneOn() ? before + 1 : 0, fastLane.exchanges(),
                fastLaneOn() ? "a plain GET is one fast-lane exchange" : "with the lane off no exchange takes it");
    }

    @AfterAll
    void noRequestTookTheOtherLane() {
        if (!fastLaneOn()) {
            assertEquals(0, fastLane.exchanges(), "the full-path suite never used the fast lane");
        }
    }
}
