package dev.dojo.main.edge;

import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.negotiation.RequestEncodingFilter;
import dev.dojo.main.client.ClientSettings;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The answers the edge writes itself, in the contract's envelope, each closing its connection, with the security
 * headers every other answer of main gets from {@link dev.dojo.main.client.ClientHeadersFilter} (these never reach
 * Micronaut's filters).
 */
@Singleton
public class Refusals {

    public static final String MALFORMED = "Malformed request.";
    public static final String TIMEOUT = "Request timeout.";
    public static final String HEADERS_TOO_LARGE = "Request headers too large.";
    public static final String TARGET_TOO_LONG = "Request target too long.";
    public static final String EXPECTATION = "Only Expect: 100-continue is supported.";
    public static final String VERSION = "Unsupported HTTP version.";

    private final JsonMapper json;
    private final ClientSettings settings;

    public Refusals(JsonMapper json, ClientSettings settings) {
        this.json = json;
        this.settings = settings;
    }

    FullHttpResponse response(HttpResponseStatus status, String message) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(Envelope.fail(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                // a 414 is cacheable by default (RFC 9111 §4.2.2), like main's other own answers it is not kept
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        if (status.equals(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE)) {
            // the codings a body may come in, as the services' 415 says
            response.headers().set(HttpHeaderNames.ACCEPT_ENCODING, RequestEncodingFilter.DECODED);
        }
        settings.everyAnswer(response.headers()::set);
        return response;
    }
}
