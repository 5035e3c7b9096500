package dev.dojo.common.security;

/** The role names carried in the {@code roles} claim; use them in {@code @Secured}. */
public final class Roles {
    /** Every signed-in account. */
    public static final String USER = "user";
    /** Accounts with the {@code admin} flag. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
