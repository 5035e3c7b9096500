package dev.dojo.main.proxy.fast;

/**
 * The path of a request target the fast lane may route by its raw text: origin form, no percent-encoding, no dot
 * or empty segments, no matrix parameters, and a query of plain URI characters. Everything else goes to Micronaut,
 * whose decoding and normalising then decide, exactly as for any request off the fast lane.
 */
final class CleanPath {

    private static final boolean[] PATH = allowed("-._~!$&'()*+,=:@/");
    private static final boolean[] QUERY = allowed("-._~!$&'()*+,;=:@/?%");

    private CleanPath() {
    }

    /** The path of {@code uri}, or {@code null} if it is not clean. */
    static String of(String uri) {
        if (uri.isEmpty() || uri.charAt(0) != '/') {
            return null;
        }
        int query = uri.indexOf('?');
        int end = query < 0 ? uri.length() : query;
        char previous = 0;
        for (int i = 0; i < end; i++) {
            char c = uri.charAt(i);
            if (c >= 128 || !PATH[c]) {
                return null;
            }
            if (previous == '/' && (c == '/' || c == '.' && dotSegment(uri, i, end))) {
                return null;
            }
            previous = c;
        }
        for (int i = end + 1; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c >= 128 || !QUERY[c]) {
                return null;
            }
        }
        return uri.substring(0, end);
    }

    /** Whether the segment starting with the dot at {@code dot} is {@code .} or {@code ..}. */
    private static boolean dotSegment(String uri, int dot, int end) {
        int next = dot + 1;
        if (next < end && uri.charAt(next) == '.') {
            next++;
        }
        return next == end || uri.charAt(next) == '/';
    }

    private static boolean[] allowed(String punctuation) {
        boolean[] table = new boolean[128];
        for (char c = 'a'; c <= 'z'; c++) {
            table[c] = true;
            table[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            table[c] = true;
        }
        for (char c : punctuation.toCharArray()) {
            table[c] = true;
        }
        return table;
    }
}
