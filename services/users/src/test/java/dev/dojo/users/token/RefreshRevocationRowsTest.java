package dev.dojo.users.token;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Revocation at row level, on real PostgreSQL: a reused token and a sign-out revoke both the family rows and every
 * token row. Either alone already refuses every later exchange (RefreshRotationTest sees that through HTTP), so only
 * the rows show that both layers hold.
 */
@MicronautTest(transactional = false)
class RefreshRevocationRowsTest extends RefreshTokensTestBase {

    @Inject
    RefreshFamilyRepository families;

    private List<RefreshToken> familyRows(long familyId) {
        return tokens.findAll().stream().filter(t -> t.familyId() == familyId).toList();
    }

    @Test
    void aReusedTokenRevokesItsFamilyAndEveryTokenInIt() {
        long user = newUser();
        String first = refreshTokens.startFamily(user);
        long familyId = row(first).familyId();
        String second = refreshTokens.rotate(first).orElseThrow().token();
        assertNull(row(second).revokedAt());

        assertTrue(refreshTokens.rotate(first).isEmpty(), "reuse of a used token");

        assertNotNull(families.findById(familyId).orElseThrow().revokedAt());
        List<RefreshToken> rows = familyRows(familyId);
        assertEquals(2, rows.size());
        rows.forEach(token -> assertNotNull(token.revokedAt(), "token row " + token.id()));
    }

    @Test
    void anExpiredUnusedTokenRevokesNothing() {
        long user = newUser();
        String token = refreshTokens.startFamily(user);
        RefreshToken row = row(token);
        tokens.update(new RefreshToken(row.id(), row.userId(), row.familyId(), row.tokenHash(),
                Instant.now().minusSeconds(60), null, row.createdAt()));

        assertTrue(refreshTokens.rotate(token).isEmpty());

        assertNull(families.findById(row.familyId()).orElseThrow().revokedAt());
        assertNull(row(token).revokedAt());
    }

    @Test
    void signingOutEverywhereRevokesEveryFamilyAndTokenOfThatUserOnly() {
        long user = newUser();
        long other = newUser();
        String a = refreshTokens.startFamily(user);
        String b = refreshTokens.startFamily(user);
        String kept = refreshTokens.startFamily(other);

        refreshTokens.revokeAllOf(user);

        for (String token : List.of(a, b)) {
            RefreshToken row = row(token);
            assertNotNull(row.revokedAt());
            assertNotNull(families.findById(row.familyId()).orElseThrow().revokedAt());
        }
        assertNull(row(kept).revokedAt());
        assertNull(families.findById(row(kept).familyId()).orElseThrow().revokedAt());
        assertTrue(refreshTokens.rotate(kept).isPresent());
    }
}
