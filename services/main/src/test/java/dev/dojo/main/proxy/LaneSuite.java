package dev.dojo.main.proxy;

import dev.dojo.main.Http;
import dev.dojo.main.proxy.fast.FastLane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A proxy suite that holds either lane to the same contract: it runs with the fast lane on, and a {@code FullPath*}
 * subclass runs it again with {@code dojo.gateway.fast-lane=false} by overriding {@link #fastLaneOn()}. The suite
 * checks that its requests really took the lane it meant (needs {@code Lifecycle.PER_CLASS}).
 */
interface LaneSuite {

    FastLane fastLane();

    /** main's base URL. */
    String base();

    /** A path under a prefix of the suite's users service that answers 200. */
    String plainPath();

    default boolean fastLaneOn() {
        return true;
    }

    /** The suite's properties with the lane set as this suite runs it. */
    default Map<String, String> withLane(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("dojo.gateway.fast-lane", Boolean.toString(fastLaneOn()));
        return all;
    }

    @Test
    default void plainRequestsTakeTheConfiguredLane() {
        long before = fastLane().exchanges();
        HttpResponse<String> response = Http.get(base(), plainPath());
        assertEquals(200, response.statusCode());
        assertEquals(fastLaneOn() ? before + 1 : 0, fastLane().exchanges(),
                fastLaneOn() ? "a plain GET is one fast-lane exchange" : "with the lane off no exchange takes it");
    }

    @AfterAll
    default void noRequestTookTheOtherLane() {
        if (!fastLaneOn()) {
            assertEquals(0, fastLane().exchanges(), "the full-path suite never used the fast lane");
        }
    }
}
