package dev.dojo.users.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a string's UTF-8 bytes: the key of remembered access tokens, the stored form of refresh tokens and the
 * pre-hash of passwords before bcrypt.
 */
public final class Sha256 {

    private Sha256() {
    }

    public static byte[] of(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The digest as 64 lowercase hex characters. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(of(text));
    }
}
