package dev.dojo.main.edge;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;

/**
 * Request headers that remember whether Netty's decoder dropped a {@code Content-Length} because the request also
 * said {@code Transfer-Encoding: chunked}. Netty does that silently (RFC 9112 §6.3 allows it); the edge refuses
 * such a request instead, since a proxy in front of main may have framed it by its length.
 */
final class FramingHeaders extends DefaultHttpHeaders {

    /** Validates names and values exactly as Netty's default factory does. */
    static final HttpHeadersFactory FACTORY = new HttpHeadersFactory() {
        private final DefaultHttpHeadersFactory defaults = DefaultHttpHeadersFactory.headersFactory();

        @Override
        public HttpHeaders newHeaders() {
            return new FramingHeaders(defaults);
        }

        @Override
        public HttpHeaders newEmptyHeaders() {
            return new FramingHeaders(defaults);
        }
    };

    private boolean lengthDroppedForChunked;

    private FramingHeaders(DefaultHttpHeadersFactory defaults) {
        super(defaults.getNameValidator(), defaults.getValueValidator());
    }

    @Override
    public HttpHeaders remove(CharSequence name) {
        if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name) && contains(HttpHeaderNames.TRANSFER_ENCODING)
                && contains(HttpHeaderNames.CONTENT_LENGTH)) {
            lengthDroppedForChunked = true;
        }
        return super.remove(name);
    }

    /** Whether the request came with both a length and a transfer coding. */
    boolean lengthDroppedForChunked() {
        return lengthDroppedForChunked;
    }
}
