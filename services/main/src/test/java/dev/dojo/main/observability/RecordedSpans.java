package dev.dojo.main.observability;

import io.micronaut.context.annotation.Requires;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * The spans main's OpenTelemetry SDK ended, as its span processor (micronaut-tracing adds a {@link SpanProcessor}
 * bean to the SDK it builds): what an exporter would have been given. On in a test that sets
 * {@code test.recorded-spans}.
 */
@Singleton
@Requires(property = "test.recorded-spans", value = "true")
public class RecordedSpans implements SpanProcessor {

    private final List<SpanData> ended = new ArrayList<>();

    public synchronized List<SpanData> ofTrace(String traceId) {
        return ended.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    public synchronized int count() {
        return ended.size();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public synchronized void onEnd(ReadableSpan span) {
        ended.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
