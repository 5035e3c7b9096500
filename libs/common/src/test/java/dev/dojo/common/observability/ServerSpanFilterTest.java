package dev.dojo.common.observability;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.ReadableSpan;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ServerSpanFilter} in place of micronaut-tracing's own server filter (pointed away as in every service's
 * application.yml): one server span per request, the caller's {@code traceparent} as its parent, current in the
 * controller, named by the route, ended with the status code by the time the answer is sent, an error only for a
 * 5xx (the library's filter marks a 4xx too, so that case also tells whose span it is); an excluded path has none.
 * Without the setting the library's filter makes the span: {@link ServerSpanFilterStandsAsideTest}.
 */
@MicronautTest
@Property(name = "spec.name", value = "ServerSpanFilterTest")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "micronaut.metrics.enabled", value = "false")
@Property(name = "micronaut.security.enabled", value = "false")
@Property(name = "otel.exclusions[0]", value = "/excluded.*")
@Property(name = "tracing.http.server.path", value = ServerSpanFilter.LIBRARY_FILTER_PATH)
class ServerSpanFilterTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AtomicReference<Span> SEEN = new AtomicReference<>();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @BeforeEach
    void forget() {
        SEEN.set(null);
    }

    @Test
    void theCallersTraceContinuesInOneServerSpanNamedByItsRoute() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/spans/7")
                .header("traceparent", "00-" + TRACE + "-" + PARENT + "-01"), String.class);
        assertEquals(200, response.code());
        ReadableSpan span = seen();
        assertEquals(TRACE, span.getSpanContext().getTraceId());
        assertEquals(PARENT, span.getParentSpanContext().getSpanId(), "the caller's span, no second server span");
        assertNotEquals(PARENT, span.getSpanContext().getSpanId());
        assertEquals(SpanKind.SERVER, span.getKind());
        assertEquals("GET /spans/{id}", span.getName());
        assertTrue(span.hasEnded(), "ended before the answer was sent");
        assertEquals(200L, span.getAttribute(STATUS));
        assertEquals(StatusCode.UNSET, span.toSpanData().getStatus().getStatusCode());
    }

    @Test
    void withoutACallersTraceANewOneStarts() throws Exception {
        // the JDK's client: Micronaut's own would send its client span as the parent
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                server.getURI().resolve("/spans/1")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        ReadableSpan span = seen();
        assertFalse(span.getParentSpanContext().isValid());
        assertTrue(span.getSpanContext().isSampled());
    }

    @Test
    void aServerErrorMarksTheSpanACallersErrorDoesNot() {
        assertEquals(500, assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/spans/fail"), String.class)).code());
        ReadableSpan failed = seen();
        assertTrue(failed.hasEnded());
        assertEquals(500L, failed.getAttribute(STATUS));
        assertEquals(StatusCode.ERROR, failed.toSpanData().getStatus().getStatusCode());

        SEEN.set(null);
        assertEquals(400, assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/spans/bad"), String.class)).code());
        ReadableSpan refused = seen();
        assertEquals(400L, refused.getAttribute(STATUS));
        assertEquals(StatusCode.UNSET, refused.toSpanData().getStatus().getStatusCode());
    }

    @Test
    void anExcludedPathHasNoSpan() {
        assertEquals(200, client.toBlocking().exchange(HttpRequest.GET("/excluded"), String.class).code());
        assertFalse(SEEN.get().getSpanContext().isValid(), "no span is current");
    }

    private static ReadableSpan seen() {
        return assertInstanceOf(ReadableSpan.class, SEEN.get(), "the SDK's span, current in the controller");
    }

    @Requires(property = "spec.name", pattern = "ServerSpanFilter.*")
    @Controller
    static class SpanController {

        @Get("/spans/{id}")
        HttpResponse<String> span(String id) {
            SEEN.set(Span.current());
            return switch (id) {
                case "fail" -> HttpResponse.serverError("failed");
                case "bad" -> HttpResponse.badRequest("bad");
                default -> HttpResponse.ok(id);
            };
        }

        @Get("/excluded")
        String excluded() {
            SEEN.set(Span.current());
            return "none";
        }
    }
}
