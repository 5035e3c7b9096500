package dev.dojo.users.account;

/** The database refused a new account because its username or email is taken. */
public final class DuplicateAccount extends RuntimeException {

    /** Which unique value collided. */
    public enum Field { USERNAME, EMAIL }

    private final Field field;

    DuplicateAccount(Field field) {
        super("duplicate " + field, null, false, false);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
