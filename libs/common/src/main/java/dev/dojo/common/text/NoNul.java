package dev.dojo.common.text;

/**
 * The rule for text a service stores: PostgreSQL's text and jsonb cannot hold NUL (a NUL in a query parameter or a
 * jsonb value is an error, which reached callers as a 500), so a field that may hold one is refused at the door
 * with {@code @Pattern(regexp = NoNul.PATTERN, message = NoNul.MESSAGE)}, and the published spec shows the rule.
 */
public final class NoNul {

    /** Anchored, as the spec's ECMA-262 pattern must be. */
    public static final String PATTERN = "^[^\\x00]*$";
    public static final String MESSAGE = "must not contain NUL characters";

    private NoNul() {
    }
}
