package dev.dojo.common.observability;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.ReadableSpan;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A service whose application.yml does not point micronaut-tracing's filter away: {@link ServerSpanFilter} stands
 * aside and the library's filter makes the one server span (it marks a caller's 4xx as an error, which ours does
 * not, and the span's parent is still the caller's: no second server span in between).
 */
@MicronautTest
@Property(name = "spec.name", value = "ServerSpanFilterStandsAsideTest")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "micronaut.metrics.enabled", value = "false")
@Property(name = "micronaut.security.enabled", value = "false")
class ServerSpanFilterStandsAsideTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void theLibrarysFilterMakesTheOneServerSpan() {
        ServerSpanFilterTest.SEEN.set(null);
        assertEquals(400, assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.GET("/spans/bad").header("traceparent",
                        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), String.class)).code());
        ReadableSpan span = assertInstanceOf(ReadableSpan.class, ServerSpanFilterTest.SEEN.get());
        assertEquals("00f067aa0ba902b7", span.getParentSpanContext().getSpanId());
        assertEquals(StatusCode.ERROR, span.toSpanData().getStatus().getStatusCode(), "the library's way");
    }
}
