package dev.dojo.main.proxy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link GatewayRoutingTest} with the fast lane off ({@code dojo.gateway.fast-lane=false}): every proxied request
 * takes Micronaut's filters and {@link GatewayFilter}, and must get the same answers as with the lane on.
 */
@MicronautTest
class FullPathGatewayRoutingTest extends GatewayRoutingTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("dojo.gateway.fast-lane", "false");
        return properties;
    }

    @Override
    boolean fastLaneOn() {
        return false;
    }

    @Test
    @Override
    @Disabled("BUG (full path): a proxied answer is re-streamed chunked, without the service's Content-Length, and "
            + "Micronaut's compressor compresses a text body of unknown length whatever its size: a 1023-byte JSON "
            + "body comes back gzipped (the fast lane leaves it as it is, by the 1 KB threshold)")
    void leavesTextBodiesUnderOneKilobyteUncompressed() {
        super.leavesTextBodiesUnderOneKilobyteUncompressed();
    }

    @Test
    @Override
    @Disabled("BUG (full path): an HTTP/1.0 caller gets \"HTTP/1.0 200\" with Transfer-Encoding: chunked and a "
            + "chunk-framed body (e.g. \"1d\\r\\n{...}\\r\\n0\\r\\n\\r\\n\"), which HTTP/1.0 does not know; the fast lane "
            + "sends the bare body and closes")
    void answersAnHttp10CallerWithoutChunkedCoding() {
        super.answersAnHttp10CallerWithoutChunkedCoding();
    }

    @AfterAll
    void noRequestOfTheSuiteTookTheFastLane() {
        assertEquals(0, fastLane.exchanges());
    }
}
