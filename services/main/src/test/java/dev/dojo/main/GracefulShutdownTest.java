package dev.dojo.main;

import dev.dojo.testing.Eventually;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * main shutting down (SIGTERM: the application context stops) while a proxied exchange is in flight: it stops
 * accepting connections, lets the exchange finish, and closes the caller's connection after the answer. Graceful
 * shutdown is on in main's application.yml; the test only lengthens the grace period for slow machines.
 */
class GracefulShutdownTest {

    @Test
    void anExchangeInFlightIsAnsweredAndItsConnectionClosedWhenMainStops() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch mayAnswer = new CountDownLatch(1);
        try (RawService slow = RawService.start()) {
            slow.on("/slow/answer", (request, out) -> {
                asked.countDown();
                awaitQuietly(mayAnswer);
                return RawService.ok(out, "finished");
            });
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                    "micronaut.http.services.slow.url", slow.url(),
                    "dojo.routes.slow.prefixes", "/slow",
                    "micronaut.lifecycle.graceful-shutdown.grace-period", "10s"));
            int port = server.getPort();
            try (Http.Connection caller = new Http.Connection(port)) {
                caller.send("GET /slow/answer HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                assertTrue(asked.await(5, TimeUnit.SECONDS), "the request reached the service");

                Thread stopping = new Thread(() -> server.getApplicationContext().stop(), "stopping-main");
                stopping.start();
                awaitRefusal(port); // main stopped accepting connections
                assertTrue(stopping.isAlive(), "the shutdown waits for the exchange in flight");

                mayAnswer.countDown();
                Http.Response answer = caller.read();
                assertEquals(200, answer.status());
                assertEquals("finished", answer.text());
                assertEquals("close", answer.header("Connection"));
                assertTrue(caller.closedByPeer(5_000), "the connection closes after the answer");
                stopping.join(10_000);
                assertFalse(stopping.isAlive(), "main stopped once the exchange was over");
            } finally {
                mayAnswer.countDown();
                if (server.getApplicationContext().isRunning()) {
                    server.getApplicationContext().stop();
                }
            }
        }
    }

    private static void awaitRefusal(int port) {
        Eventually.until("main refuses connections on " + port, () -> {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return false;
            } catch (IOException refused) {
                return true;
            }
        });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
