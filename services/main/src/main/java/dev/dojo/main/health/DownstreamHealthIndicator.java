package dev.dojo.main.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every service's readiness as one health indicator with one result per service, named after it. Part of
 * {@code /health} only: {@link EdgeHealthEndpoint} keeps it out of main's own readiness.
 */
@Singleton
public class DownstreamHealthIndicator implements HealthIndicator {

    private final DownstreamProbe probe;

    public DownstreamHealthIndicator(DownstreamProbe probe) {
        this.probe = probe;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return probe.probeAll().flatMapMany(states -> Flux.fromIterable(states.entrySet()))
                .map(entry -> {
                    DownstreamProbe.State state = entry.getValue();
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("url", state.url());
                    if (state.reason() != null) {
                        details.put("reason", state.reason());
                    }
                    return HealthResult.builder(entry.getKey(), state.up() ? HealthStatus.UP : HealthStatus.DOWN)
                            .details(details)
                            .build();
                });
    }
}
