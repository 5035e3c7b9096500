package dev.dojo.main;

import dev.dojo.testing.ServiceSmokeTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * The smoke contract every service meets. At the edge {@code /ping} is users' and {@code /health} includes every
 * service's readiness, so one loopback stand-in plays all three services here.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationTest extends ServiceSmokeTest implements TestPropertyProvider {

    private final FakeService services = FakeService.start("all");

    /** main's metrics listen on the management port (endpoints.all.port), never on its public port. */
    @Override
    protected boolean servesMetricsOnItsPort() {
        return false;
    }

    /** main's own limit is the public one, 8 KB in all (docs/gateway.md, limits). */
    @Override
    protected int headerRoom() {
        return 7 * 1024;
    }

    @Override
    public Map<String, String> getProperties() {
        return ServiceRoutes.allTo(services.url());
    }

    @AfterAll
    void stopFake() {
        services.close();
    }
}
