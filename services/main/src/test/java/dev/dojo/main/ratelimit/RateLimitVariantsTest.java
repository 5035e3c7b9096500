package dev.dojo.main.ratelimit;

import dev.dojo.main.FakeService;
import dev.dojo.main.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way of writing a limited route that a service would still route to its handler draws on that handler's one
 * budget; every other way is refused before it is counted or forwarded. The variants are derived from the
 * configured paths, sent over raw sockets (so nothing normalises them on the way), on the Micronaut lane.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitVariantsTest implements TestPropertyProvider {

    private static final int LIMIT = 10;

    private final FakeService users = FakeService.start("users");

    @Inject
    EmbeddedServer server;

    @Inject
    ManualClock clock;

    @Inject
    RateLimitSettings settings;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = ManualClock.budget(LIMIT);
        properties.put("micronaut.http.services.users.url", users.url());
        return properties;
    }

    @AfterAll
    void stopFake() {
        users.close();
    }

    @Test
    void everyVariantSharesTheBudgetOrIsRefusedAndTheWindowResets() {
        assertEquals(List.of("/auth/login", "/auth/register"), settings.paths());
        for (String path : settings.paths()) {
            for (String target : refused(path)) {
                int seen = users.seen().size();
                String answer = post("POST", target, "");
                // 400 from main's path guard (or from Micronaut, for a target it cannot parse as a URI: "\");
                // a target Micronaut cannot even match a filter to (//auth/login) is never routed: 404
                assertTrue((status(answer) == 400 || status(answer) == 404)
                        && answer.endsWith("}") && answer.contains("{\"status\":\"fail\",\"message\":"),
                        target + "\n" + answer);
                assertEquals(seen, users.seen().size(), target + " must not reach users");
            }
            // the services read "post" as POST; the edge refuses it, so it is never a way around the budget
            for (String method : List.of("post", "Post", "pOST")) {
                int seen = users.seen().size();
                assertEquals(400, status(post(method, path, "")), method + " " + path);
                assertEquals(seen, users.seen().size(), method + " must not reach users");
            }
            List<String[]> counted = counted(path);
            for (int attempt = 0; attempt < LIMIT; attempt++) {
                String[] variant = counted.get(attempt % counted.size());
                assertEquals(200, status(post(variant[0], variant[1], "")), String.join(" ", variant));
            }
            int reached = users.seen().size();
            for (String[] variant : counted) {
                String answer = post(variant[0], variant[1], "");
                assertEquals(429, status(answer), "11th attempt as " + String.join(" ", variant) + "\n" + answer);
                assertTrue(answer.contains("\r\nRetry-After: 60\r\n"), answer);
            }
            for (String spoof : new String[]{"X-Forwarded-For: 203.0.113.9\r\n", "X-Real-IP: 203.0.113.9\r\n",
                    "Forwarded: for=203.0.113.9\r\n", "X-Forwarded-For: 203.0.113.9, 198.51.100.7\r\n"}) {
                assertEquals(429, status(post("POST", path, spoof)), "a forged " + spoof.trim() + " is no new client");
            }
            assertEquals(reached, users.seen().size(), "a limited request must not reach users");
        }
        clock.advance(Duration.ofSeconds(59));
        assertEquals(429, status(post("POST", "/auth/login", "")), "still within the window");
        clock.advance(Duration.ofSeconds(1));
        for (String path : settings.paths()) {
            assertEquals(200, status(post("POST", path + "/", "")), path + " after the window");
        }
    }

    /**
     * Targets a service routes to the handler of {@code path}: trailing slash, query. (The absolute form,
     * {@code POST http://host/auth/login}, and the method in another case, {@code post}, are refused by the edge
     * guard before routing: see {@link #refused} and the test's method loop.)
     */
    private List<String[]> counted(String path) {
        return List.of(
                new String[]{"POST", path},
                new String[]{"POST", path + "/"},
                new String[]{"POST", path + "?next=/x"},
                new String[]{"POST", path + "/?a=b&c"},
                new String[]{"POST", path + "?"});
    }

    /** Ways of writing {@code path} that some reader could take for it and that main therefore refuses. */
    private static List<String> refused(String path) {
        List<String> variants = new ArrayList<>();
        String[] segments = path.substring(1).split("/");
        variants.add("/" + path);
        // absolute-form targets: main takes only origin-form (RequestRules), whatever host they name
        variants.add("http://127.0.0.1" + path);
        variants.add("http://127.0.0.1:1" + path + "/?q");
        variants.add(path + "//");
        variants.add(path + "/.");
        variants.add(path + "/%2e");
        variants.add(path + "%2F");
        variants.add(path + ";");
        variants.add(path + ";jsessionid=1");
        variants.add(path + "%3B");
        variants.add(path + "%00");
        for (int i = 0; i < segments.length; i++) {
            String before = "/" + String.join("/", List.of(segments).subList(0, i));
            String after = String.join("/", List.of(segments).subList(i, segments.length));
            String prefix = before.equals("/") ? "" : before;
            String segment = segments[i];
            String rest = i + 1 < segments.length ? "/" + String.join("/", List.of(segments).subList(i + 1, segments.length)) : "";
            variants.add(prefix + "//" + after);
            variants.add(prefix + "/./" + after);
            variants.add(prefix + "/x/../" + after);
            variants.add(prefix + "/%2e/" + after);
            variants.add(prefix + "/x/%2E%2E/" + after);
            variants.add(prefix + "/" + segment + ";v=1" + rest);
            for (int c = 0; c < segment.length(); c++) {
                String upper = String.format("%%%02X", (int) segment.charAt(c));
                String encoded = segment.substring(0, c) + upper + segment.substring(c + 1);
                variants.add(prefix + "/" + encoded + rest);
                variants.add(prefix + "/" + encoded.toLowerCase(java.util.Locale.ROOT) + rest);
            }
            if (i > 0) {
                variants.add(prefix + "%2F" + after);
                variants.add(prefix + "%2f" + after);
                variants.add(prefix + "\\" + after);
                variants.add(prefix + "%5C" + after);
            }
        }
        return variants;
    }

    /**
     * The caller a budget belongs to is the socket's peer (no trusted proxy here), as its {@link dev.dojo.main.edge.ClientNetwork}: every
     * loopback address — any 127.x.y.z, and ::1 — is the one local host, so a caller past its limit gets no new
     * budget by binding another loopback address or switching to IPv6, nor by naming another caller in a forwarding
     * header. (Distinct callers with their own budgets: TrustedProxyRateLimitTest.)
     */
    @Test
    void everyLoopbackAddressIsOneCaller() {
        clock.advance(Duration.ofSeconds(60)); // a fresh window, whatever ran before
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(200, status(loginFrom("127.0.0.2", "")));
        }
        assertEquals(429, status(loginFrom("127.0.0.2", "")));
        assertEquals(429, status(loginFrom("127.0.0.2",
                "X-Forwarded-For: 203.0.113.3\r\nX-Real-IP: 203.0.113.3\r\nForwarded: for=203.0.113.3\r\n")),
                "a forwarding header names no other budget");
        for (String other : new String[] {"127.0.0.3", "127.1.2.3", "127.255.255.254"}) {
            assertEquals(429, status(loginFrom(other, "")), other + " is the same host");
        }
        String overIpv6 = Http.rawFrom("::1", "::1", server.getPort(), "POST /auth/login HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertEquals(429, status(overIpv6), "::1 is the same host");
        clock.advance(Duration.ofSeconds(60)); // and a fresh window after
    }

    private String loginFrom(String local, String extraHeaders) {
        return Http.rawLogin(local, server.getPort(), "POST", "/auth/login", extraHeaders);
    }

    private String post(String method, String target, String extraHeaders) {
        return Http.rawLogin(server.getPort(), method, target, extraHeaders);
    }

    private static int status(String answer) {
        return answer.length() > 12 ? Integer.parseInt(answer.substring(9, 12)) : -1;
    }
}
