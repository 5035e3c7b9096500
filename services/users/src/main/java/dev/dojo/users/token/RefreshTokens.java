package dev.dojo.users.token;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * Opaque, single-use refresh tokens. Each exchange revokes the presented token and hands out a new one; presenting
 * an already-used token means it was copied, so every live token of that user is revoked (reuse detection).
 */
@Singleton
public class RefreshTokens {

    private static final int TOKEN_BYTES = 32;

    private final RefreshTokenRepository tokens;
    private final TokenSettings settings;
    private final SecureRandom random = new SecureRandom();

    public RefreshTokens(RefreshTokenRepository tokens, TokenSettings settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    /** A new token for the user; only its hash is stored. */
    public String issue(long userId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.save(new RefreshToken(null, userId, hash(token), Instant.now().plus(settings.refreshLifetime()),
                null, null));
        return token;
    }

    /**
     * Uses up a token.
     *
     * @return the owner's id, or empty if the token is unknown, expired or already used (the last also revokes
     * the owner's other tokens)
     */
    public OptionalLong consume(String token) {
        String hash = hash(token);
        var stored = tokens.findByTokenHash(hash);
        if (stored.isEmpty()) {
            return OptionalLong.empty();
        }
        long userId = stored.get().userId();
        if (tokens.consume(hash) == 1) {
            return OptionalLong.of(userId);
        }
        if (stored.get().revokedAt() != null || stored.get().expiresAt().isAfter(Instant.now())) {
            // used before (or by a concurrent exchange): whoever holds a copy must not keep a session alive
            tokens.revokeAllOf(userId);
        }
        return OptionalLong.empty();
    }

    public void revokeAllOf(long userId) {
        tokens.revokeAllOf(userId);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
