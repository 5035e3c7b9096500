package dev.dojo.users.account;

import dev.dojo.users.password.PasswordHasher;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.sql.SQLException;

/** Creates accounts. The unique constraints decide duplicates, so two racing registrations cannot both win. */
@Singleton
public class Accounts {

    private static final String UNIQUE_VIOLATION = "23505";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final UserListCache listCache;

    public Accounts(UserRepository users, PasswordHasher hasher, UserListCache listCache) {
        this.users = users;
        this.hasher = hasher;
        this.listCache = listCache;
    }

    /**
     * @throws DuplicateAccount if the username or the email (case-insensitively) is taken
     */
    public User create(String username, String email, String password, boolean admin) {
        User account = User.newAccount(username, email, hasher.hash(password), admin);
        try {
            User saved = users.save(account);
            listCache.invalidate();
            return saved;
        } catch (DataAccessException e) {
            throw duplicateOrRethrow(e);
        }
    }

    private static RuntimeException duplicateOrRethrow(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                String detail = String.valueOf(sql.getMessage());
                return new DuplicateAccount(detail.contains("users_username_key")
                        ? DuplicateAccount.Field.USERNAME : DuplicateAccount.Field.EMAIL);
            }
        }
        return e;
    }
}
