package dev.dojo.main.routing;

import io.micronaut.http.HttpRequest;

import java.net.URI;
import java.util.Optional;

/**
 * The one reading of a request's path that routing and the rate limit share, so that whatever a service would
 * match to a handler is also what main routes and counts. A path is either refused (it has a form no client of ours
 * sends and that services or proxies read in different ways) or reduced to its canonical form:
 * <ul>
 *   <li>refused: empty segments ({@code //}), dot segments ({@code /./}, {@code /../}), matrix parameters
 *       ({@code ;}), backslashes, control or non-ASCII characters, a malformed percent escape, and a percent escape
 *       of an unreserved character ({@code %6C} for {@code l}) or of {@code / \ ; % .} or a control character;</li>
 *   <li>canonical: the raw path without the query and without one trailing slash, because Micronaut's router (the
 *       services') matches {@code /auth/login/} to {@code /auth/login}. Case is kept: both main's prefixes and the
 *       services' routes match case-sensitively, so {@code /auth/LOGIN} reaches no handler.</li>
 * </ul>
 * Percent escapes of other characters (a space, non-ASCII text) stay as they are: they name other resources.
 */
public final class EdgePath {

    private static final String ATTRIBUTE = "dojo.edge-path";

    /** {@code canonical} is null when the path is refused. */
    private record Reading(String canonical) {
    }

    private EdgePath() {
    }

    /**
     * The canonical path of {@code request}, or empty if main refuses the path. Read once per request and kept in
     * an attribute, so every caller sees the same answer.
     */
    public static Optional<String> of(HttpRequest<?> request) {
        Reading reading = request.getAttribute(ATTRIBUTE, Reading.class).orElse(null);
        if (reading == null) {
            URI uri = request.getUri();
            // a target such as //auth/login parses as an authority and a path: refuse it rather than read it so
            boolean networkPath = uri.getScheme() == null && uri.getRawAuthority() != null;
            reading = new Reading(networkPath ? null : canonical(uri.getRawPath()));
            request.setAttribute(ATTRIBUTE, reading);
        }
        return Optional.ofNullable(reading.canonical());
    }

    /** The canonical form of a raw path (no query), or {@code null} if it is refused. */
    public static String canonical(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        if (rawPath.charAt(0) != '/') {
            return null;
        }
        int length = rawPath.length();
        int segmentStart = 1;
        for (int i = 1; i <= length; i++) {
            char c = i < length ? rawPath.charAt(i) : '/';
            if (c == '/') {
                String segment = rawPath.substring(segmentStart, i);
                boolean last = i == length;
                if (segment.isEmpty() && !(last && segmentStart == length)) {
                    return null;
                }
                if (segment.equals(".") || segment.equals("..")) {
                    return null;
                }
                segmentStart = i + 1;
            } else if (c == '%') {
                if (i + 2 >= length || !escapeAllowed(rawPath.charAt(i + 1), rawPath.charAt(i + 2))) {
                    return null;
                }
                i += 2;
            } else if (c <= 0x20 || c >= 0x7f || c == ';' || c == '\\') {
                return null;
            }
        }
        if (length > 1 && rawPath.charAt(length - 1) == '/') {
            return rawPath.substring(0, length - 1);
        }
        return rawPath;
    }

    /** Whether {@code %hl} may stay in a path: it must be well formed and not hide a character we refuse or fold. */
    private static boolean escapeAllowed(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        if (h < 0 || l < 0) {
            return false;
        }
        int c = h * 16 + l;
        boolean unreserved = Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '.' || c == '_' || c == '~';
        return !unreserved && c >= 0x20 && c != 0x7f && c != '/' && c != '\\' && c != ';' && c != '%';
    }
}
