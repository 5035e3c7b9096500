package dev.dojo.users.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.dojo.users.digest.Sha256;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Access tokens that already passed full validation (RS256 signature with our key, then every claims check), kept
 * until their {@code exp} so that a repeat request costs a hash lookup instead of an RSA verification
 * (docs/adr/0013). Safe because:
 * <ul>
 *   <li>the key is the SHA-256 of the exact token string: header, claims and signature are all part of it, so a
 *       token that differs in any character is not found and is validated in full;</li>
 *   <li>only accepted tokens are kept, never refusals, and an entry is answered only while {@code exp} lies ahead
 *       (each entry expires at its token's {@code exp} on the same clock as the validator); after that the token is
 *       validated again, which gives the contract's "Signature expired" answer;</li>
 *   <li>nothing the token says can change after it verified: users signs with one key per process, and access
 *       tokens are not revocable by design (ADR 0010; logout revokes refresh tokens, an inactive account is refused
 *       by the user-row check that follows);</li>
 *   <li>the cache is bounded (Caffeine evicts past {@code dojo.tokens.verified-cache-size}); an evicted token is
 *       simply validated in full again.</li>
 * </ul>
 * Keying by a digest also keeps bearer tokens themselves out of the heap and makes a lookup's timing depend on the
 * digest, not on how much of a secret token an attacker guessed. Verification costs CPU only, no database, so two
 * concurrent first uses of one token both verify it rather than wait for each other.
 */
@Singleton
public class VerifiedTokens {

    private record Entry(Authentication authentication, long expiresAtMillis) {
    }

    private final Clock clock;
    /** Null when the size is zero: nothing is remembered. */
    private final Cache<ByteBuffer, Entry> entries;

    @Inject
    public VerifiedTokens(TokenSettings settings) {
        this(settings.verifiedCacheSize(), Clock.systemUTC(), Ticker.systemTicker());
    }

    /** For tests: a clock and a ticker that move together. */
    VerifiedTokens(int maxEntries, Clock clock) {
        this(maxEntries, clock, () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
    }

    private VerifiedTokens(int maxEntries, Clock clock, Ticker ticker) {
        this.clock = clock;
        this.entries = maxEntries <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new UntilExp(clock))
                .ticker(ticker)
                // evictions are a few map operations: done on the caller's thread, not a pool's
                .executor(Runnable::run)
                .build();
    }

    /** The authentication of a token that verified before and has not expired since. */
    public Optional<Authentication> find(String token) {
        if (entries == null) {
            return Optional.empty();
        }
        // the clock decides, as in the validator: a wall clock set back must not stretch an entry past exp
        return Optional.ofNullable(entries.getIfPresent(key(token)))
                .filter(entry -> clock.millis() < entry.expiresAtMillis())
                .map(Entry::authentication);
    }

    /** Keeps a token that just passed full validation; tokens without a readable {@code exp} are not kept. */
    public void remember(String token, Authentication authentication) {
        if (entries == null) {
            return;
        }
        Long expiresAt = expiryMillis(authentication.getAttributes().get("exp"));
        if (expiresAt == null || expiresAt <= clock.millis()) {
            return;
        }
        entries.put(key(token), new Entry(authentication, expiresAt));
    }

    /** Entries held now, expired and evicted ones removed first. */
    long size() {
        if (entries == null) {
            return 0;
        }
        entries.cleanUp();
        return entries.estimatedSize();
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
        return ByteBuffer.wrap(Sha256.of(token));
    }

    /** Each entry lives until its token's {@code exp}; reads and rewrites do not extend it. */
    private record UntilExp(Clock clock) implements Expiry<ByteBuffer, Entry> {
        @Override
        public long expireAfterCreate(ByteBuffer key, Entry entry, long currentTime) {
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, entry.expiresAtMillis() - clock.millis()));
        }

        @Override
        public long expireAfterUpdate(ByteBuffer key, Entry entry, long currentTime, long currentDuration) {
            return expireAfterCreate(key, entry, currentTime);
        }

        @Override
        public long expireAfterRead(ByteBuffer key, Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
