package dev.dojo.main.proxy.fast;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.compression.ZlibWrapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Compresses a proxied answer on the fast lane by the rules Micronaut's server applies on the full path
 * ({@code micronaut.server.netty.compression-threshold} and {@code -level}): a text-based body of at least the
 * threshold (or of unknown length), not already encoded, for a caller that accepts gzip or deflate. Callers asking
 * for other codings ({@code *}, snappy) take the full path instead ({@link #decidedHere}).
 */
final class ResponseCompression {

    private final int threshold;
    private final int level;

    ResponseCompression(int threshold, int level) {
        this.threshold = threshold;
        this.level = level;
    }

    /** Whether the fast lane would pick the same coding as Micronaut for this caller's {@code Accept-Encoding}. */
    static boolean decidedHere(HttpHeaders requestHeaders) {
        String accepted = requestHeaders.get(HttpHeaderNames.ACCEPT_ENCODING);
        return accepted == null || accepted.indexOf('*') < 0 && !accepted.contains("snappy");
    }

    /** An encoder for this answer, with its headers already rewritten, or {@code null} to pass it as it is. */
    @Nullable
    Encoder start(HttpRequest request, HttpVersion callerVersion, HttpResponse response) {
        if (threshold < 0 || !request.headers().contains(HttpHeaderNames.ACCEPT_ENCODING)) {
            return null;
        }
        int code = response.status().code();
        if (code < 200 || code == 204 || code == 304 || request.method() == HttpMethod.HEAD
                || callerVersion == HttpVersion.HTTP_1_0) {
            return null;
        }
        HttpHeaders headers = response.headers();
        String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE);
        long length = HttpUtil.getContentLength(response, -1L);
        if (contentType == null || (length != -1 && length < threshold) || !MediaType.isTextBased(contentType)
                || headers.contains(HttpHeaderNames.CONTENT_ENCODING)) {
            return null;
        }
        ZlibWrapper wrapper = choose(request.headers().getAll(HttpHeaderNames.ACCEPT_ENCODING));
        if (wrapper == null) {
            return null;
        }
        headers.set(HttpHeaderNames.CONTENT_ENCODING,
                wrapper == ZlibWrapper.GZIP ? HttpHeaderValues.GZIP : HttpHeaderValues.DEFLATE);
        headers.remove(HttpHeaderNames.CONTENT_LENGTH);
        headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        return new Encoder(new EmbeddedChannel(ZlibCodecFactory.newZlibEncoder(wrapper, level, 15, 8)));
    }

    /** gzip or deflate by the caller's q-values (gzip when tied), as Micronaut picks between the two. */
    @Nullable
    private static ZlibWrapper choose(Iterable<String> acceptEncoding) {
        float gzip = -1;
        float deflate = -1;
        for (String header : acceptEncoding) {
            for (String coding : header.split(",")) {
                float q = 1;
                int equals = coding.indexOf('=');
                if (equals >= 0) {
                    try {
                        q = Float.parseFloat(coding.substring(equals + 1).trim());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
                if (coding.contains("gzip")) {
                    gzip = Math.max(gzip, q);
                } else if (coding.contains("deflate")) {
                    deflate = Math.max(deflate, q);
                }
            }
        }
        if (gzip <= 0 && deflate <= 0) {
            return null;
        }
        return gzip != -1 && gzip >= deflate ? ZlibWrapper.GZIP : ZlibWrapper.ZLIB;
    }

    /** One answer's compressor: bytes in, compressed bytes out as they become available. */
    static final class Encoder {

        private final EmbeddedChannel channel;
        private boolean finished;

        private Encoder(EmbeddedChannel channel) {
            this.channel = channel;
        }

        /** Compresses {@code data} (released); returns what the compressor has ready, possibly empty. */
        ByteBuf push(ByteBuf data) {
            if (data.isReadable()) {
                channel.writeOutbound(data);
            } else {
                data.release();
            }
            return drain();
        }

        /** Ends the stream; returns the last compressed bytes. */
        ByteBuf finish() {
            finished = true;
            channel.finish();
            return drain();
        }

        /** Drops the stream of an answer that was cut off. */
        void discard() {
            if (!finished) {
                finished = true;
                channel.finishAndReleaseAll();
            }
        }

        private ByteBuf drain() {
            ByteBuf first = channel.readOutbound();
            if (first == null) {
                return Unpooled.EMPTY_BUFFER;
            }
            ByteBuf next = channel.readOutbound();
            if (next == null) {
                return first;
            }
            CompositeByteBuf all = channel.alloc().compositeBuffer();
            all.addComponent(true, first);
            for (; next != null; next = channel.readOutbound()) {
                all.addComponent(true, next);
            }
            return all;
        }
    }
}
