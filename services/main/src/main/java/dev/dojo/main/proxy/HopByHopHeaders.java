package dev.dojo.main.proxy;

import io.micronaut.http.MutableHttpHeaders;
import io.netty.util.AsciiString;

import java.util.List;
import java.util.stream.Stream;

/**
 * Headers that describe one connection, not the message (RFC 9110 §7.6.1): a proxy must not pass them on, nor any
 * header the {@code Connection} header names. Message framing ({@code Transfer-Encoding}, {@code Content-Length}) is
 * left to the HTTP layers on each side, which re-frame the streamed body themselves. Names are {@link AsciiString}
 * constants, whose hash Netty's header map need not recompute per look-up.
 */
public final class HopByHopHeaders {

    private static final AsciiString CONNECTION = AsciiString.cached("Connection");
    private static final List<AsciiString> NAMES = Stream.of(
            "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization",
            "TE", "Trailer", "Upgrade").map(AsciiString::cached).toList();

    private HopByHopHeaders() {
    }

    public static void strip(MutableHttpHeaders headers) {
        // a Connection header is rare on HTTP/1.1 requests from programs, so look before making the list
        for (String listed : headers.get(CONNECTION) == null ? List.<String>of() : headers.getAll(CONNECTION)) {
            if (namesNoHeader(listed)) {
                continue; // what nearly every message says: no list to split
            }
            for (String name : listed.split(",")) {
                String trimmed = name.trim();
                if (!namesNoHeader(trimmed)) {
                    headers.remove(trimmed);
                }
            }
        }
        for (AsciiString name : NAMES) {
            headers.remove(name);
        }
    }

    /** Whether a {@code Connection} token is an option rather than a header name. */
    private static boolean namesNoHeader(String token) {
        return token.isEmpty() || "close".equalsIgnoreCase(token) || "keep-alive".equalsIgnoreCase(token);
    }
}
