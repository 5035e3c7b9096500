package dev.dojo.main.proxy.fast;

import dev.dojo.main.Http;
import dev.dojo.main.RawService;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The fast lane's idle connections to a service: reused while fresh, closed by main once idle past the timeout. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamPoolTest implements TestPropertyProvider {

    private final RawService service = RawService.start();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "dojo.routes.svc.url", service.url(),
                "dojo.routes.svc.prefixes", "/svc",
                "dojo.gateway.pool-idle-timeout", "1s");
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void anIdleConnectionIsReusedWhileFreshAndClosedByMainOnceIdlePastTheTimeout() throws InterruptedException {
        try (Http.Connection caller = new Http.Connection(server.getPort())) {
            assertEquals("ok /svc/a", caller.send(get("/svc/a")).read().text());
            assertEquals("ok /svc/b", caller.send(get("/svc/b")).read().text());
            int first = service.seen("/svc/a").get(0).connection();
            assertEquals(first, service.seen("/svc/b").get(0).connection(), "the idle connection was reused");

            // the service never closes it: main does, after about a second without use
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (service.openConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, service.openConnections(), "main closed the connection that stayed idle");

            assertEquals("ok /svc/c", caller.send(get("/svc/c")).read().text());
            assertNotEquals(first, service.seen("/svc/c").get(0).connection(), "a fresh connection after the timeout");
        }
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }
}
