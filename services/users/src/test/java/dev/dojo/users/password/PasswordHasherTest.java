package dev.dojo.users.password;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bcrypt over the SHA-256 pre-hash: every character counts, the cost is the configured one, bad hashes fail. */
class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(new PasswordSettings(4));

    @Test
    void aHashMatchesItsPasswordOnly() {
        String hash = hasher.hash("correct horse");
        assertTrue(hasher.matches("correct horse", hash));
        assertFalse(hasher.matches("correct horsE", hash));
        assertFalse(hasher.matches("", hash));
    }

    @Test
    void theHashUsesTheConfiguredCostAndAFreshSalt() {
        String hash = hasher.hash("pw");
        assertTrue(hash.startsWith("$2a$04$"), hash);
        assertTrue(new PasswordHasher(new PasswordSettings(5)).hash("pw").startsWith("$2a$05$"));
        assertNotEquals(hash, hasher.hash("pw"), "two hashes of one password must differ by salt");
    }

    @Test
    void charactersPastBcryptsSeventyTwoBytesStillCount() {
        String longPassword = "é".repeat(100);
        String hash = hasher.hash(longPassword);
        assertTrue(hasher.matches(longPassword, hash));
        assertFalse(hasher.matches("é".repeat(99) + "e", hash));
    }

    @Test
    void aNulByteDoesNotCutThePasswordShort() {
        String hash = hasher.hash("abc\u0000def");
        assertFalse(hasher.matches("abc\u0000xyz", hash));
        assertFalse(hasher.matches("abc", hash));
    }

    @Test
    void aMalformedStoredHashMatchesNothing() {
        assertFalse(hasher.matches("pw", "not a bcrypt hash"));
        assertFalse(hasher.matches("pw", ""));
    }

    @Test
    void aBurnedCheckNeitherThrowsNorNeedsAnAccount() {
        assertDoesNotThrow(() -> hasher.burnCheck("decoy password that matches no account"));
        assertDoesNotThrow(() -> hasher.burnCheck(""));
    }
}
