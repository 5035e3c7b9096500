package dev.dojo.common.negotiation;

import dev.dojo.common.envelope.Envelope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.json.JsonMapper;
import io.micronaut.management.endpoint.health.filter.HealthResultFilter;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;

/**
 * A {@code HEAD} answer carries the header fields the {@code GET} would (RFC 9110 §9.3.2): its {@code Content-Type}
 * and {@code Content-Length}. Micronaut drops the body of a HEAD answer before it is encoded, so it sent neither,
 * and, with no length to frame it by, closed the connection after every HEAD (a monitor polling with HEAD
 * reconnected each time). The body the GET would send is still at hand ({@link RouteAttributes#getHeadBody}, or
 * the answer's own body, which Micronaut never writes for a HEAD); its length is that of its encoding: the bytes or
 * text as they are, a file's size, anything else as JSON. An answer without such a body (a file of unknown length,
 * a stream) is left as it was, and so is the length of one the server may compress for this caller. A health
 * answer's status is decided from that body too, by Micronaut's own {@link HealthResultFilter}.
 */
@ServerFilter(value = ServerFilter.MATCH_ALL_PATTERN, methods = HttpMethod.HEAD)
public class HeadAnswerFilter implements Ordered {

    private final JsonMapper json;
    @Nullable
    private final HealthResultFilter healthStatus;

    public HeadAnswerFilter(JsonMapper json, @Nullable HealthResultFilter healthStatus) {
        this.json = json;
        this.healthStatus = healthStatus;
    }

    @ResponseFilter
    public void describe(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getHeaders().contains(HttpHeaders.CONTENT_LENGTH)) {
            return; // a proxied answer: the service said it
        }
        // a route's answer had its body set aside; a static file's and an error's keep it (never written for a HEAD).
        // Any other body kept (a proxied answer's stream) is no value to measure as JSON
        Object body = RouteAttributes.getHeadBody(response).or(() -> response.getBody()
                .filter(kept -> kept instanceof Envelope || kept instanceof FileCustomizableResponseType)).orElse(null);
        if (body instanceof HealthResult && healthStatus != null) {
            // Micronaut's health filter sets DOWN's 503 from the body, which it did not see: a HEAD said 200
            response.body(body);
            healthStatus.doFilter(response);
            response.body(null);
        }
        long length = body == null ? -1 : length(body);
        if (length < 0) {
            return;
        }
        if (response.getContentType().isEmpty()) {
            MediaType type = body instanceof FileCustomizableResponseType file ? file.getMediaType() : produced(response);
            response.contentType(type);
        }
        // a GET the server may compress sends other octets than these: no length then (RFC 9110 §8.6)
        if (!compressed(request, response.getContentType().orElseThrow())) {
            response.contentLength(length);
        }
    }

    /**
     * Whether the GET's answer may be compressed: a text answer to a caller that takes a coding. Not by size: main
     * re-sends a proxied answer chunked and then compresses text of any size (GatewayRoutingTest).
     */
    private static boolean compressed(HttpRequest<?> request, MediaType type) {
        return type.isTextBased() && request.getHeaders().getAll(HttpHeaders.ACCEPT_ENCODING).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(HeadAnswerFilter::codingName)
                .anyMatch(name -> !name.isEmpty() && !name.equalsIgnoreCase("identity"));
    }

    /** A listed coding's name without its parameters; empty for an empty element (";;" names none). */
    private static String codingName(String listed) {
        int semicolon = listed.indexOf(';');
        return (semicolon < 0 ? listed : listed.substring(0, semicolon)).strip();
    }

    /** The encoded body's length in bytes, or -1 when it is not known without sending it. */
    private long length(Object body) {
        if (body instanceof byte[] bytes) {
            return bytes.length;
        }
        if (body instanceof CharSequence text) {
            return text.toString().getBytes(StandardCharsets.UTF_8).length;
        }
        if (body instanceof SystemFile file) {
            return file.getLength();
        }
        if (body instanceof StreamedFile file) {
            return file.getLength() > 0 ? file.getLength() : -1;
        }
        if (body instanceof FileCustomizableResponseType || body instanceof CompletionStage
                || Publishers.isConvertibleToPublisher(body)) {
            return -1; // its length is known only as it is sent
        }
        try {
            return json.writeValueAsBytes(body).length;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The route's first produced type, JSON when it names none. */
    private static MediaType produced(MutableHttpResponse<?> response) {
        @Nullable RouteInfo<?> route = RouteAttributes.getRouteInfo(response).orElse(null);
        return route == null || route.getProduces().isEmpty() || route.getProduces().get(0).equals(MediaType.ALL_TYPE)
                ? MediaType.APPLICATION_JSON_TYPE : route.getProduces().get(0);
    }

    @Override
    public int getOrder() {
        // its response method runs after the routes' and the other filters'
        return HIGHEST_PRECEDENCE + 1;
    }
}
