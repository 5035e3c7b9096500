package dev.dojo.common.observability;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.instrumentation.logback.mdc.v1_0.OpenTelemetryAppender;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every log line written while a request is served carries its request id and trace id — on the event loop,
 * on an {@code @ExecuteOn} worker and in an injected executor — and nothing of it stays on the threads after.
 * Lines are read where the services' shared logback configuration ({@code dev/dojo/common/logback-appenders.xml},
 * included by this module's logback-test.xml) hands them to the console appender: behind its "otel" appender,
 * which adds the trace ids.
 */
@MicronautTest
@Property(name = "spec.name", value = "LogCorrelationTest")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "micronaut.metrics.enabled", value = "false")
@Property(name = "micronaut.security.enabled", value = "false")
class LogCorrelationTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    @Named(TaskExecutors.BLOCKING)
    ExecutorService blocking;

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private OpenTelemetryAppender otel;

    @BeforeEach
    void capture() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        otel = (OpenTelemetryAppender) root.getAppender("otel");
        assertNotNull(otel, "the shared configuration's otel appender on the root logger");
        lines.start();
        otel.addAppender(lines);
    }

    @AfterEach
    void release() {
        otel.detachAppender(lines);
    }

    @Test
    void eventLoopWorkerAndExecutorLinesCarryTheCallersIds() {
        for (String path : List.of("/correlation/loop", "/correlation/worker", "/correlation/executor")) {
            lines.list.clear();
            HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET(path)
                    .header("X-Request-Id", "req-" + path.substring(13))
                    .header("traceparent", "00-" + TRACE + "-" + PARENT + "-01"), String.class);
            assertEquals("req-" + path.substring(13), response.header("X-Request-Id"));
            ILoggingEvent line = single(path);
            Map<String, String> mdc = line.getMDCPropertyMap();
            assertEquals("req-" + path.substring(13), mdc.get("requestId"), path + " " + mdc);
            assertEquals(TRACE, mdc.get("traceId"), path + " " + mdc);
            assertNotNull(mdc.get("spanId"), path + " " + mdc);
            assertNotEquals(PARENT, mdc.get("spanId"), "the server span is a child of the caller's: " + mdc);
            assertTrue(line.getThreadName().contains(response.body()), line.getThreadName() + " vs " + response.body());
        }
    }

    @Test
    void withoutCallerIdsTheLineCarriesTheGeneratedOnesAndEachRequestItsOwn() {
        lines.list.clear();
        HttpResponse<String> first = client.toBlocking().exchange("/correlation/worker", String.class);
        Map<String, String> one = single("first").getMDCPropertyMap();
        lines.list.clear();
        client.toBlocking().exchange("/correlation/worker", String.class);
        Map<String, String> two = single("second").getMDCPropertyMap();

        assertEquals(first.header("X-Request-Id"), one.get("requestId"));
        assertTrue(one.get("traceId").matches("[0-9a-f]{32}"), one.toString());
        assertNotEquals(one.get("traceId"), two.get("traceId"));
        assertNotEquals(one.get("requestId"), two.get("requestId"));
    }

    @Test
    void nothingStaysOnTheThreadsAfterTheRequest() throws Exception {
        for (int i = 0; i < 4; i++) {
            client.toBlocking().exchange("/correlation/worker", String.class);
        }
        lines.list.clear();
        // tasks on the same pool outside any request: a leaked MDC would show on the threads that served them
        for (int i = 0; i < 4; i++) {
            blocking.submit(() -> LoggerFactory.getLogger(Probe.class).info("outside any request")).get();
        }
        assertEquals(4, probeLines().size());
        for (ILoggingEvent line : probeLines()) {
            assertTrue(line.getMDCPropertyMap().isEmpty(), line.getThreadName() + " " + line.getMDCPropertyMap());
        }
        assertEquals(null, MDC.get("requestId"));
    }

    private ILoggingEvent single(String what) {
        List<ILoggingEvent> probe = probeLines();
        assertEquals(1, probe.size(), what + ": " + probe);
        return probe.get(0);
    }

    /** The lines of {@link Probe}: the root's appender also sees the framework's own. */
    private List<ILoggingEvent> probeLines() {
        return lines.list.stream().filter(line -> line.getLoggerName().equals(Probe.class.getName())).toList();
    }

    /** The log lines under test: one per request, on the thread the path names. */
    @Controller("/correlation")
    @Requires(property = "spec.name", value = "LogCorrelationTest")
    static class Probe {

        private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(Probe.class);

        private final ExecutorService blocking;

        Probe(@Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
            this.blocking = blocking;
        }

        @Get("/loop")
        String loop() {
            LOG.info("on the event loop");
            return Thread.currentThread().getName().replaceAll("-\\d+$", "");
        }

        @Get("/worker")
        @ExecuteOn(TaskExecutors.BLOCKING)
        String worker() {
            LOG.info("on a worker");
            return Thread.currentThread().getName().replaceAll("-\\d+$", "");
        }

        @Get("/executor")
        CompletableFuture<String> executor() {
            return CompletableFuture.supplyAsync(() -> {
                LOG.info("in an injected executor");
                return Thread.currentThread().getName().replaceAll("-\\d+$", "");
            }, blocking);
        }
    }
}
