package dev.dojo.main.proxy;

import io.micronaut.http.MutableHttpHeaders;
import io.netty.util.AsciiString;

/** Tells a service who really called and how, since it only sees main's connection. */
public final class ForwardedHeaders {

    public static final AsciiString FOR = AsciiString.cached("X-Forwarded-For");
    static final AsciiString PROTO = AsciiString.cached("X-Forwarded-Proto");
    static final AsciiString HOST = AsciiString.cached("X-Forwarded-Host");
    private static final AsciiString HOST_HEADER = AsciiString.cached("Host");

    private ForwardedHeaders() {
    }

    /**
     * Rewrites {@code headers}, the outgoing copy of the caller's headers (still holding what the caller sent).
     *
     * @param forwardedFor the chain from {@link ClientAddress#forwardedFor}
     * @param secure       whether the caller's connection to main is TLS
     * @param trusted      whether the caller's own {@code X-Forwarded-*} may be kept (behind a trusted proxy)
     */
    public static void apply(MutableHttpHeaders headers, String forwardedFor, boolean secure, boolean trusted) {
        String proto = trusted ? headers.get(PROTO) : null;
        String host = trusted ? headers.get(HOST) : null;
        if (host == null) {
            host = headers.get(HOST_HEADER);
        }
        headers.set(FOR, forwardedFor);
        headers.set(PROTO, proto != null ? proto : (secure ? "https" : "http"));
        if (host != null) {
            headers.set(HOST, host);
        } else {
            headers.remove(HOST);
        }
    }
}
