package dev.dojo.users.token;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refresh-token rotation against real PostgreSQL over real HTTP: concurrent uses of one token, and expiry.
 * Each race starts N callers (2 to 16) on one token at the same instant, many times over; afterwards exactly one
 * caller holds a new pair, and no token of the family (the raced one, the new one) is accepted any more.
 */
@MicronautTest(transactional = false)
class RefreshRotationTest extends RefreshTokensTestBase {

    private static final int MAX_CALLERS = 16;
    /** Races per caller count; 15 counts × 6 = 90 races, about 1,600 concurrent exchanges. */
    private static final int ROUNDS = Integer.getInteger("dojo.refresh-race.rounds", 6);
    private static final String INVALID = "{\"status\":\"fail\",\"message\":\"Invalid token. Please log in again.\"}";
    private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\":\"([A-Za-z0-9_-]+)\"");

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final ExecutorService callers = Executors.newFixedThreadPool(MAX_CALLERS);
    private long userId;

    @BeforeAll
    void account() {
        userId = newUser();
    }

    @AfterAll
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void concurrentUsesOfOneTokenLeaveExactlyOneWinnerAndNoLiveTokenInTheFamily() throws Exception {
        for (int n = 2; n <= MAX_CALLERS; n++) {
            for (int round = 0; round < ROUNDS; round++) {
                race(n, n + " callers, round " + round);
            }
        }
    }

    private void race(int n, String what) throws Exception {
        String token = refreshTokens.startFamily(userId);
        long familyId = row(token).familyId();
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            answers.add(callers.submit(() -> {
                ready.countDown();
                go.await();
                return refresh(token);
            }));
        }
        ready.await();
        go.countDown();

        List<String> issued = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 200) {
                Matcher refresh = REFRESH_TOKEN.matcher(response.body());
                assertTrue(refresh.find(), () -> what + ": " + response.body());
                assertTrue(response.body().contains("\"message\":\"Successfully refreshed.\""), what);
                issued.add(refresh.group(1));
            } else {
                assertEquals(401, response.statusCode(), () -> what + ": " + response.body());
                assertEquals(INVALID, response.body(), what);
            }
        }
        // the first exchange in lock order wins; every other one is a reuse
        assertEquals(1, issued.size(), () -> what + ": new pairs " + issued.size());

        // afterwards nothing of the family works: not the raced token, not the one the winner received
        for (String stale : List.of(token, issued.get(0))) {
            HttpResponse<String> response = refresh(stale);
            assertEquals(401, response.statusCode(), () -> what + ": a family token still works " + response.body());
            assertEquals(INVALID, response.body(), what);
        }
        for (RefreshToken row : tokens.findAll()) {
            if (row.familyId() == familyId) {
                assertNotNull(row.revokedAt(), () -> what + ": token " + row.id() + " of the family is live");
            }
        }
    }

    @Test
    void anExpiredRefreshTokenIsRefusedAndNotRotated() throws Exception {
        String token = refreshTokens.startFamily(userId);
        RefreshToken row = row(token);
        tokens.update(new RefreshToken(row.id(), row.userId(), row.familyId(), row.tokenHash(),
                Instant.now().minus(Duration.ofMinutes(1)), null, row.createdAt()));

        HttpResponse<String> response = refresh(token);
        assertEquals(401, response.statusCode(), response::body);
        assertEquals(INVALID, response.body());
        long issuedInFamily = tokens.findAll().stream().filter(t -> t.familyId() == row.familyId()).count();
        assertEquals(1, issuedInFamily, "an expired token was exchanged");
    }

    @Test
    void aLiveTokenRotatesOnceAndItsSuccessorWorks() throws Exception {
        String token = refreshTokens.startFamily(userId);
        HttpResponse<String> first = refresh(token);
        assertEquals(200, first.statusCode(), first::body);
        Matcher next = REFRESH_TOKEN.matcher(first.body());
        assertTrue(next.find(), first::body);
        HttpResponse<String> second = refresh(next.group(1));
        assertEquals(200, second.statusCode(), second::body);
    }

    private HttpResponse<String> refresh(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/auth/refresh"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"refresh_token\":\"" + token + "\"}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
