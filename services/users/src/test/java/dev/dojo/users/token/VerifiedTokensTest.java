package dev.dojo.users.token;

import dev.dojo.testing.time.MovableClock;

import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The memory of verified tokens on its own: exact-match keys, answers only before exp, bounded size. */
class VerifiedTokensTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void onlyTheExactTokenIsFound() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        Authentication authentication = expiringIn(60);
        tokens.remember("header.payload.signature", authentication);

        assertSame(authentication, tokens.find("header.payload.signature").orElseThrow());
        assertTrue(tokens.find("header.payload.signaturE").isEmpty());
        assertTrue(tokens.find("header.payload.signature ").isEmpty());
        assertTrue(tokens.find("Header.payload.signature").isEmpty());
    }

    @Test
    void aTokenIsForgottenWhenItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        tokens.remember("t", expiringIn(60));
        clock.advance(Duration.ofSeconds(59));
        assertTrue(tokens.find("t").isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(tokens.find("t").isEmpty(), "at exp the token must be validated again (and refused)");
        assertEquals(0, tokens.size());
    }

    @Test
    void expiredOrExpiryLessTokensAreNotKept() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        tokens.remember("expired", expiringIn(-1));
        tokens.remember("no-exp", Authentication.build("1", List.of("user"), Map.of()));
        assertEquals(0, tokens.size());
    }

    @Test
    void theMemoryIsBounded() {
        VerifiedTokens tokens = new VerifiedTokens(2, clock);
        for (int i = 0; i < 100; i++) {
            tokens.remember("t" + i, expiringIn(100));
        }
        assertTrue(tokens.size() <= 2, () -> "size " + tokens.size());
        long found = java.util.stream.IntStream.range(0, 100).filter(i -> tokens.find("t" + i).isPresent()).count();
        assertTrue(found <= 2, "an evicted token is validated in full again, never answered from memory");
    }

    @Test
    void sizeZeroTurnsItOff() {
        VerifiedTokens tokens = new VerifiedTokens(0, clock);
        tokens.remember("t", expiringIn(60));
        assertTrue(tokens.find("t").isEmpty());
    }

    @Test
    void readsAndRewritesNeitherDropNorExtendAnEntry() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        Authentication first = expiringIn(60);
        tokens.remember("t", first);
        assertSame(first, tokens.find("t").orElseThrow());
        clock.advance(Duration.ofSeconds(10));
        assertSame(first, tokens.find("t").orElseThrow(), "a read must not end the entry");
        Authentication again = expiringIn(50);
        tokens.remember("t", again);
        assertSame(again, tokens.find("t").orElseThrow(), "a rewrite keeps the token");
        assertEquals(1, tokens.size());
        clock.advance(Duration.ofSeconds(50));
        assertTrue(tokens.find("t").isEmpty());
        assertEquals(0, tokens.size());
    }

    @Test
    void expGivenAsSecondsIsRead() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        long expSeconds = clock.instant().plusSeconds(60).getEpochSecond();
        Authentication authentication = Authentication.build("1", List.of("user"), Map.of("exp", expSeconds));
        tokens.remember("t", authentication);
        assertSame(authentication, tokens.find("t").orElseThrow());
        clock.advance(Duration.ofSeconds(60));
        assertTrue(tokens.find("t").isEmpty());
    }

    @Test
    void aTokenExpiringNowIsNotKept() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        tokens.remember("t", expiringIn(0));
        assertTrue(tokens.find("t").isEmpty());
        assertEquals(0, tokens.size());
    }

    private Authentication expiringIn(long seconds) {
        return Authentication.build("1", List.of("user"),
                Map.of("exp", Date.from(clock.instant().plusSeconds(seconds))));
    }
}
