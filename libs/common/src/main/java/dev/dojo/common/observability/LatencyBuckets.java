package dev.dojo.common.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import java.util.Arrays;

/**
 * Every latency histogram of a service — Micronaut's server and client timers, main's gateway timer, eval's sandbox
 * runs — in the same fixed buckets, 1 ms to 30 s, instead of Micrometer's percentile histogram: that one publishes
 * about 70 buckets per series (1 ms–30 s), so main, after a few thousand hostile requests had made a few dozen
 * route × method × status series, exported 5,106 bucket lines (727 KB) per scrape, 93 % of its series. A timer
 * that asks for a histogram ({@code histogram: true}, {@code publishPercentileHistogram()}) gets these 14 bounds
 * and +Inf instead; the quantiles an operator reads with {@code histogram_quantile} keep one bucket per step of the
 * 1–2.5–5 ladder. It runs after Micronaut's own web-metrics filters (lowest precedence), which turn the histogram on.
 */
@Singleton
@Requires(property = "micronaut.metrics.enabled", notEquals = "false")
public class LatencyBuckets implements MeterFilter, Ordered {

    /** The bucket bounds in milliseconds (Prometheus reads them in seconds: 0.001 … 30). */
    private static final double[] MILLIS = {1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000};
    /** The same in nanoseconds, a timer's base unit. */
    private static final double[] NANOS = Arrays.stream(MILLIS).map(millis -> millis * 1_000_000).toArray();

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !Boolean.TRUE.equals(config.isPercentileHistogram())) {
            return config;
        }
        return DistributionStatisticConfig.builder().percentilesHistogram(false).serviceLevelObjectives(NANOS)
                .build().merge(config);
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
