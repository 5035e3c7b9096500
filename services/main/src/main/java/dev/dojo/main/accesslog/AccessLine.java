package dev.dojo.main.accesslog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log's one line per request, on logger {@code dojo.access}:
 * {@code METHOD /path STATUS 1.2ms upstream=users id=<request id>}. The duration runs until the response started
 * (a streamed body may still be flowing); {@code upstream} is {@code -} for what main answered itself. Both lanes
 * write through here ({@link AccessLogFilter} and the fast lane), so the log reads the same whichever served.
 */
public final class AccessLine {

    private static final Logger ACCESS = LoggerFactory.getLogger("dojo.access");

    private AccessLine() {
    }

    public static boolean enabled() {
        return ACCESS.isInfoEnabled();
    }

    /**
     * Built by hand and logged as one string: this runs on the event loop for every request, and the parameterised
     * form cost a format pass (bench/gateway/RESULTS.md).
     */
    public static void log(String method, String path, int status, long startedNanos, String upstream, String id) {
        long tenthsOfMillis = (System.nanoTime() - startedNanos) / 100_000;
        ACCESS.info(new StringBuilder(96)
                .append(method).append(' ')
                .append(path).append(' ')
                .append(status).append(' ')
                .append(tenthsOfMillis / 10).append('.').append(tenthsOfMillis % 10).append("ms upstream=")
                .append(upstream).append(" id=")
                .append(id)
                .toString());
    }
}
