package dev.dojo.main.health;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.DefaultHealthAggregator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.ApplicationConfiguration;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps main's health JSON as it always was: {@code {"name":"main","status":"UP"}}, and where details are visible
 * {@code details.<indicator>} holds that indicator's status and details side by side
 * ({@code details.users = {"status":"DOWN","url":…,"reason":"unreachable"}}), in name order.
 */
@Singleton
@Replaces(DefaultHealthAggregator.class)
public class EdgeHealthAggregator extends DefaultHealthAggregator {

    private final String name;

    public EdgeHealthAggregator(ApplicationConfiguration application) {
        super(application);
        this.name = application.getName().orElse("main");
    }

    @Override
    protected Object aggregateDetails(List<HealthResult> results) {
        Map<String, Object> details = new LinkedHashMap<>();
        results.stream().sorted(Comparator.comparing(HealthResult::getName)).forEach(result -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", result.getStatus().getName());
            if (result.getDetails() instanceof Map<?, ?> map) {
                map.forEach((key, value) -> entry.put(String.valueOf(key), value));
            }
            details.put(result.getName(), entry);
        });
        return details;
    }

    @Override
    protected HealthResult buildResult(HealthStatus status, Object details, HealthLevelOfDetail level) {
        HealthResult.Builder result = HealthResult.builder(name, status);
        return level == HealthLevelOfDetail.STATUS ? result.build() : result.details(details).build();
    }
}
