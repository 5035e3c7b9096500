package dev.dojo.common.errors;

import java.util.Optional;

/**
 * Ids in paths are taken as strings, so that "abc", "-1" or a 30-digit number is an unknown resource (404), as in
 * the original contract, rather than a routing or conversion error.
 */
public final class PathId {

    private PathId() {
    }

    /** The id as a positive long, or empty if it cannot name a row. */
    public static Optional<Long> parse(String id) {
        try {
            long value = Long.parseLong(id);
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
