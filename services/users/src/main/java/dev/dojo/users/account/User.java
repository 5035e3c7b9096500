package dev.dojo.users.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code users}. Never serialized: responses use {@link UserView} so the hash cannot leak. */
@MappedEntity("users")
public record User(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String email,
        @MappedProperty("password") String passwordHash,
        boolean active,
        boolean admin,
        @DateCreated @Nullable Instant createdAt) {

    public static User newAccount(String username, String email, String passwordHash, boolean admin) {
        return new User(null, username, email, passwordHash, true, admin, null);
    }

    /** Deliberately omits the hash. */
    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + ", active=" + active + ", admin=" + admin + "]";
    }
}
