package dev.dojo.main.management;

import dev.dojo.main.AgainstOneFakeService;
import dev.dojo.main.FakeService;
import dev.dojo.main.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What of management is reachable on :8080: the aggregated health, status only, and nothing else of main's or of
 * any service's (ServiceSmokeTest checks main's own endpoint list and each service's port).
 */
@MicronautTest
class EdgeExposureTest extends AgainstOneFakeService {

    private static final List<String> MANAGEMENT = List.of("beans", "caches", "env", "flyway", "health", "info",
            "liquibase", "loggers", "metrics", "prometheus", "refresh", "routes", "stop", "threaddump");

    @Override
    protected String[] settings() {
        return new String[] {"dojo.health.downstream-timeout", "10s"};
    }

    @Test
    void anonymousHealthIsStatusOnly() {
        for (String path : new String[]{"/health", "/health/liveness", "/health/readiness", "/health/"}) {
            String answer = raw("GET", path, "application/json");
            // UP (200), or DOWN (503) should a loaded machine keep the stand-in from answering in time
            assertTrue(status(answer) == 200 && answer.endsWith("\r\n\r\n{\"name\":\"main\",\"status\":\"UP\"}")
                    || status(answer) == 503 && answer.endsWith("\r\n\r\n{\"name\":\"main\",\"status\":\"DOWN\"}"),
                    path + "\n" + answer);
            assertFalse(answer.contains(services.url()), "no internal URL in " + answer);
        }
    }

    @Test
    void nothingElseOfManagementIsReachable() {
        List<String> reachable = new ArrayList<>();
        services.forget();
        for (String id : MANAGEMENT) {
            for (String path : new String[]{"/" + id, "/" + id + "/x"}) {
                for (String method : new String[]{"GET", "POST", "DELETE"}) {
                    if (path.startsWith("/health") && method.equals("GET")) {
                        continue;
                    }
                    String answer = raw(method, path, "application/json");
                    if (status(answer) != 404 && status(answer) != 405 || !answer.contains("\"status\":\"fail\"")) {
                        reachable.add(method + " " + path + " → " + answer);
                    }
                }
            }
        }
        assertEquals(List.of(), reachable, "management reachable on :8080");
        assertEquals(List.of(), services.seen(), "main forwarded a management path to a service");
    }

    /** Every way through a service's prefix to its management paths is refused; no service sees any. */
    @Test
    void noServicesManagementThroughItsPrefix() {
        services.forget();
        List<String> forwarded = new ArrayList<>();
        for (String prefix : new String[]{"/users", "/auth", "/ping", "/exercises", "/submissions", "/scores", "/docs"}) {
            for (String id : MANAGEMENT) {
                for (String climb : new String[]{"/../", "/%2e%2e/", "/%2E%2E/", "/.%2e/", "/..;/", "/..%2F", "%2F..%2F",
                        "/x/../../", "/..\\", "//../", "/.././"}) {
                    String answer = raw("GET", prefix + climb + id, "application/json");
                    if (status(answer) != 400 && status(answer) != 404) {
                        forwarded.add(prefix + climb + id + " → " + answer);
                    }
                }
            }
        }
        assertEquals(List.of(), forwarded);
        assertEquals(List.of(), services.seen().stream().map(FakeService.Seen::uri).toList());
    }

    @Test
    void aBrowserAskingForAManagementPathGetsTheClientNotTheEndpoint() {
        String answer = raw("GET", "/beans", "text/html");
        assertEquals(200, status(answer));
        assertTrue(answer.contains("<div id=\"root\">"), answer);
        assertFalse(answer.contains("\"beans\""), answer);
    }

    private String raw(String method, String target, String accept) {
        return Http.raw("127.0.0.1", server.getPort(), method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Accept: " + accept + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    }

    private static int status(String answer) {
        return answer.length() > 12 ? Integer.parseInt(answer.substring(9, 12)) : -1;
    }
}
