package dev.dojo.eval.sandbox;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.Map;

/**
 * Readiness says DOWN, and why, while the sandbox cannot run: an eval instance that cannot grade should get no
 * traffic. Liveness is unaffected (restarting would not fix a host that lacks bubblewrap).
 */
@Singleton
@Readiness
public class SandboxHealthIndicator implements HealthIndicator {

    private final Sandbox sandbox;

    public SandboxHealthIndicator(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        SandboxStatus status = sandbox.status();
        return Publishers.just(HealthResult.builder("sandbox", status.available() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("detail", status.detail()))
                .build());
    }
}
