package dev.dojo.users.password;

import dev.dojo.users.digest.Sha256;
import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Hashes and checks passwords with bcrypt. bcrypt reads at most 72 bytes, and passwords may be 128 characters of
 * any script (up to 512 bytes), so the password is first condensed to base64(SHA-256), 44 ASCII bytes: every
 * character counts and no NUL byte can cut the input short (see docs/adr/0011).
 */
@Singleton
public class PasswordHasher {

    private final int cost;
    private final SecureRandom random = new SecureRandom();
    /** Checked against when the email is unknown, so that a miss costs the same time as a wrong password. */
    private final String decoyHash;

    public PasswordHasher(PasswordSettings settings) {
        this.cost = settings.cost();
        this.decoyHash = hash("decoy password that matches no account");
    }

    public String hash(String password) {
        return BCrypt.hashpw(condense(password), BCrypt.gensalt(cost, random));
    }

    public boolean matches(String password, String hash) {
        try {
            return BCrypt.checkpw(condense(password), hash);
        } catch (IllegalArgumentException malformedHash) {
            return false;
        }
    }

    /** Spends the time of one check without any account to check against. */
    public void burnCheck(String password) {
        matches(password, decoyHash);
    }

    private static byte[] condense(String password) {
        return Base64.getEncoder().encode(Sha256.of(password));
    }
}
