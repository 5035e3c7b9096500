package dev.dojo.main.observability;

import dev.dojo.testing.tracing.EndedSpans;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The spans main's OpenTelemetry SDK ended (micronaut-tracing adds a span processor bean to the SDK it builds):
 * what an exporter would have been given. On in a test that sets {@code test.recorded-spans}.
 */
@Singleton
@Requires(property = "test.recorded-spans", value = "true")
public class RecordedSpans extends EndedSpans {
}
