package dev.dojo.common.errors;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ids in paths are taken as strings, so that "abc", "-1" or a 30-digit number is an unknown resource (404), as in
 * the original contract, rather than a routing or conversion error. Only the id's one spelling names it: ASCII
 * digits without a sign or leading zero. {@link Long#parseLong} alone would also take {@code +1}, {@code 01} and
 * other scripts' digits ({@code ١}, {@code １}) as 1.
 */
public final class PathId {

    /**
     * The route template of an id segment: {@code @Get("/" + PathId.SEGMENT)}. Any text up to the next slash, so
     * that every spelling reaches {@link #parse}; Micronaut's plain {@code {id}} does not match a segment with
     * {@code + & ; ( ) ! { }} in it, and {@code /users/+1} answered "Not found." where {@code /users/abc} answers
     * "User does not exist".
     */
    public static final String SEGMENT = "{id:[^/]+}";

    private static final Pattern CANONICAL = Pattern.compile("[1-9][0-9]{0,18}");

    private PathId() {
    }

    /** The id as a positive long, or empty if it cannot name a row. */
    public static Optional<Long> parse(String id) {
        if (id == null || !CANONICAL.matcher(id).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }
}
