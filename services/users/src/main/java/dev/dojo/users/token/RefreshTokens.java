package dev.dojo.users.token;

import dev.dojo.users.digest.Sha256;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque, single-use refresh tokens in families (docs/auth.md, "Refresh tokens"). A sign-in starts a family; each
 * exchange uses up the presented token and continues its family with a new one. Presenting a token that was used
 * already means that someone holds a copy: the whole family is revoked, the token just issued to whoever used it
 * first included. Every exchange locks its family's row first, so exchanges and reuses of one family run one after
 * the other and no interleaving leaves a token of a revoked family alive.
 */
@Singleton
public class RefreshTokens {

    private static final int TOKEN_BYTES = 32;

    /** A successful exchange: whose token it was and the family's new token. */
    public record Rotation(long userId, String token) {
        @Override
        public String toString() {
            return "Rotation[userId=" + userId + "]";
        }
    }

    private final RefreshTokenRepository tokens;
    private final RefreshFamilyRepository families;
    private final TokenSettings settings;
    private final SecureRandom random = new SecureRandom();

    public RefreshTokens(RefreshTokenRepository tokens, RefreshFamilyRepository families, TokenSettings settings) {
        this.tokens = tokens;
        this.families = families;
        this.settings = settings;
    }

    /** The first token of a new family (a sign-in); only its hash is stored. */
    @Transactional
    public String startFamily(long userId) {
        RefreshFamily family = families.save(RefreshFamily.startedBy(userId));
        return issue(userId, family.id());
    }

    /**
     * Uses up a token and issues the next one of its family.
     *
     * @return the new token, or empty if the token is unknown, expired, revoked or used before (the last two also
     * revoke its family)
     */
    @Transactional
    public Optional<Rotation> rotate(String token) {
        Optional<RefreshToken> presented = tokens.findByTokenHash(Sha256.hex(token));
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        RefreshToken row = presented.get();
        // from here until commit, every other exchange of this family waits
        Optional<RefreshFamily> family = families.lock(row.familyId());
        if (family.isEmpty() || family.get().revokedAt() != null) {
            return Optional.empty();
        }
        if (tokens.consume(row.id()) == 1) {
            return Optional.of(new Rotation(row.userId(), issue(row.userId(), row.familyId())));
        }
        // not live: read again under the lock to tell "used or revoked" (someone has a copy) from "expired"
        boolean usedBefore = tokens.findById(row.id()).map(current -> current.revokedAt() != null).orElse(true);
        if (usedBefore) {
            families.revoke(row.familyId());
            tokens.revokeFamily(row.familyId());
        }
        return Optional.empty();
    }

    /** Signs the user out everywhere: every family of the user is revoked, rotations in flight included. */
    @Transactional
    public void revokeAllOf(long userId) {
        // families first: this waits for exchanges holding a family's lock, and once revoked none is accepted
        families.revokeAllOf(userId);
        tokens.revokeAllOf(userId);
    }

    private String issue(long userId, long familyId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.save(new RefreshToken(null, userId, familyId, Sha256.hex(token),
                Instant.now().plus(settings.refreshLifetime()), null, null));
        return token;
    }
}
