package dev.dojo.main.proxy;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;

/** Tells a service who really called and how, since it only sees main's connection. */
final class ForwardedHeaders {

    static final String FOR = "X-Forwarded-For";
    static final String PROTO = "X-Forwarded-Proto";
    static final String HOST = "X-Forwarded-Host";

    private ForwardedHeaders() {
    }

    static void apply(HttpRequest<?> original, String forwardedFor, boolean trusted, MutableHttpHeaders headers) {
        headers.set(FOR, forwardedFor);
        String proto = trusted ? original.getHeaders().get(PROTO) : null;
        headers.set(PROTO, proto != null ? proto : (original.isSecure() ? "https" : "http"));
        String host = trusted ? original.getHeaders().get(HOST) : null;
        if (host == null) {
            host = original.getHeaders().get(HttpHeaders.HOST);
        }
        if (host != null) {
            headers.set(HOST, host);
        } else {
            headers.remove(HOST);
        }
    }
}
