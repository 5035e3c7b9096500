package dev.dojo.users.token;

import dev.dojo.users.UsersTest;
import dev.dojo.users.account.Accounts;
import dev.dojo.users.digest.Sha256;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Base of the refresh-token tests that look past the API at the stored rows: the token service, its rows, and fresh
 * accounts to issue tokens to.
 */
abstract class RefreshTokensTestBase extends UsersTest {

    @Inject
    Accounts accounts;
    @Inject
    RefreshTokens refreshTokens;
    @Inject
    RefreshTokenRepository tokens;

    /** A new plain account's id, under a name no other test uses. */
    long newUser() {
        String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        return accounts.create(name, name + "@example.com", "a long enough password", false).id();
    }

    /** The row of {@code token}, found by its hash: the token itself is never stored. */
    RefreshToken row(String token) {
        return tokens.findByTokenHash(Sha256.hex(token)).orElseThrow();
    }
}
