package dev.dojo.main.edge;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;

import java.util.List;
import java.util.Locale;

/**
 * What a request head must look like to pass the edge. Each rule removes a way for two HTTP parsers (a proxy in
 * front of main, main, the service behind it) to disagree on where a request ends or what it asks for; anything in
 * doubt is refused rather than repaired. Netty's decoder already refuses bare-LF lines, control characters in
 * values, malformed or repeated lengths and oversized heads; these rules add what it lets through.
 */
public final class RequestRules {

    private static final String CHUNKED = "chunked";

    private RequestRules() {
    }

    /** Why the edge refuses {@code request}, or {@code null} when it may pass. */
    public static String violation(HttpRequest request) {
        HttpHeaders headers = request.headers();
        boolean http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
        List<String> codings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        List<String> lengths = headers.getAll(HttpHeaderNames.CONTENT_LENGTH);
        if (headers instanceof FramingHeaders framing && framing.lengthDroppedForChunked()) {
            return "both Content-Length and Transfer-Encoding";
        }
        if (!codings.isEmpty()) {
            // exactly one coding, exactly "chunked": anything else ("xchunked", "chunked, identity", a second
            // header, other spellings) is a body whose end someone else may see elsewhere
            if (codings.size() != 1 || !CHUNKED.equals(codings.get(0))) {
                return "Transfer-Encoding other than chunked";
            }
            if (http10) {
                return "Transfer-Encoding on HTTP/1.0";
            }
            if (!lengths.isEmpty()) {
                return "both Content-Length and Transfer-Encoding";
            }
        }
        for (String length : lengths) {
            if (!digits(length)) {
                return "Content-Length is not a number";
            }
        }
        for (String connection : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : connection.split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                // framing and routing are never the connection's to drop (RFC 9110 §7.6.1 leaves the rest to go)
                if (name.equals("content-length") || name.equals("transfer-encoding") || name.equals("host")) {
                    return "Connection names " + name;
                }
            }
        }
        List<String> hosts = headers.getAll(HttpHeaderNames.HOST);
        if (hosts.size() > 1 || (!http10 && hosts.isEmpty())) {
            return "not exactly one Host"; // RFC 9112 §3.2
        }
        if (!hosts.isEmpty() && !authority(hosts.get(0))) {
            return "Host is not a host[:port]"; // e.g. a header folded into it
        }
        // fields of one value: with two, a proxy in front and the service behind may each read another one (the
        // services read the first Authorization; a filter in front may check the last Content-Type)
        if (headers.getAll(HttpHeaderNames.AUTHORIZATION).size() > 1) {
            return "more than one Authorization";
        }
        if (headers.getAll(HttpHeaderNames.CONTENT_TYPE).size() > 1) {
            return "more than one Content-Type";
        }
        if (!upperCase(request.method().name())) {
            // methods are case-sensitive (RFC 9110 §9.1), but Micronaut and the services read "post" as POST: a
            // proxy or filter in front matching "POST" would not see the request that reaches them as one
            return "method not in upper case";
        }
        String target = request.uri();
        boolean asterisk = "*".equals(target) && HttpMethod.OPTIONS.equals(request.method());
        if (!asterisk && (target.isEmpty() || target.charAt(0) != '/')) {
            // absolute-form belongs to forward proxies; main is not one
            return "request target not in origin form";
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            // characters RFC 3986 has no place for are read differently by different parsers (a backslash as '/'
            // by some); Micronaut fails on them later, answering as if the body were bad
            if (c <= ' ' || c >= 0x7f || "#\\\"<>^`{|}".indexOf(c) >= 0) {
                return "request target with a forbidden character";
            }
            if (c == '%' && !(hex(target, i + 1) && hex(target, i + 2))) {
                return "request target with a '%' not followed by two hex digits"; // RFC 3986 pct-encoded
            }
        }
        return null;
    }

    /** RFC 3986 reg-name, IP literal and port characters only (no spaces, no userinfo, no path). */
    private static boolean authority(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=%:[]".indexOf(c) >= 0;
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(String text, int index) {
        if (index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean upperCase(String method) {
        for (int i = 0; i < method.length(); i++) {
            if (method.charAt(i) >= 'a' && method.charAt(i) <= 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
