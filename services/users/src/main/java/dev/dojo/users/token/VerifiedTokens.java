package dev.dojo.users.token;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens that already passed full validation (RS256 signature with our key, then every claims check), kept
 * until their {@code exp} so that a repeat request costs a hash lookup instead of an RSA verification
 * (docs/adr/0013). Safe because:
 * <ul>
 *   <li>the key is the SHA-256 of the exact token string: header, claims and signature are all part of it, so a
 *       token that differs in any character is not found and is validated in full;</li>
 *   <li>only accepted tokens are kept, never refusals, and an entry is answered only while {@code exp} lies ahead
 *       (the same clock check as the validator); after that the token is validated again, which gives the
 *       contract's "Signature expired" answer;</li>
 *   <li>nothing the token says can change after it verified: users signs with one key per process, and access
 *       tokens are not revocable by design (ADR 0010; logout revokes refresh tokens, an inactive account is refused
 *       by the user-row check that follows);</li>
 *   <li>the map is bounded: when full and nothing has expired, new tokens are simply validated every time.</li>
 * </ul>
 * Keying by a digest also keeps bearer tokens themselves out of the heap and makes a lookup's timing depend on the
 * digest, not on how much of a secret token an attacker guessed.
 */
@Singleton
public class VerifiedTokens {

    private record Entry(Authentication authentication, long expiresAtMillis) {
    }

    private final ConcurrentHashMap<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;

    @Inject
    public VerifiedTokens(TokenSettings settings) {
        this(settings.verifiedCacheSize(), Clock.systemUTC());
    }

    VerifiedTokens(int maxEntries, Clock clock) {
        this.maxEntries = Math.max(0, maxEntries);
        this.clock = clock;
    }

    /** The authentication of a token that verified before and has not expired since. */
    public Optional<Authentication> find(String token) {
        if (maxEntries == 0) {
            return Optional.empty();
        }
        ByteBuffer key = key(token);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.millis() >= entry.expiresAtMillis()) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.authentication());
    }

    /** Keeps a token that just passed full validation; tokens without a readable {@code exp} are not kept. */
    public void remember(String token, Authentication authentication) {
        if (maxEntries == 0) {
            return;
        }
        Long expiresAt = expiryMillis(authentication.getAttributes().get("exp"));
        long now = clock.millis();
        if (expiresAt == null || expiresAt <= now) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(old -> now >= old.expiresAtMillis());
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(key(token), new Entry(authentication, expiresAt));
    }

    int size() {
        return entries.size();
    }

    /** Nimbus hands {@code exp} over as a Date; seconds as a number are read too. */
    private static Long expiryMillis(Object exp) {
        if (exp instanceof Date date) {
            return date.getTime();
        }
        if (exp instanceof Number seconds) {
            return seconds.longValue() * 1000;
        }
        return null;
    }

    private static ByteBuffer key(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
