package dev.dojo.common.requestid;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Accepts the caller's {@code X-Request-Id} (or makes one) and echoes it on the response so one request can be
 * followed through main and the services; {@link dev.dojo.common.observability.LogCorrelationFilter} puts it in the
 * MDC of the request's log lines (key {@value #MDC_KEY}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final String ATTRIBUTE = "dojo.requestId";

    /** Ids are echoed into headers and logs: accept only short, plain tokens ({@code [A-Za-z0-9._:-]{1,128}}). */
    private static final int MAX_ID_LENGTH = 128;

    @RequestFilter
    public void assignId(HttpRequest<?> request) {
        String id = requestId(request);
        request.setAttribute(ATTRIBUTE, id);
    }

    @ResponseFilter
    public void echoId(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(ATTRIBUTE).orElse(null) instanceof String id) {
            response.header(HEADER, id);
        }
    }

    /** The id of the request being handled: the caller's if it is safe to reuse, else a fresh one. */
    public static String requestId(HttpRequest<?> request) {
        // untyped look-up: this runs several times per request on the event loop
        if (request.getAttribute(ATTRIBUTE).orElse(null) instanceof String assigned) {
            return assigned;
        }
        return acceptOrCreate(request.getHeaders().get(HEADER));
    }

    /** The caller's {@code offered} id if it is safe to reuse, else a fresh one. */
    public static String acceptOrCreate(String offered) {
        return offered != null && safe(offered) ? offered : newId();
    }

    /** A loop rather than a regex: it runs for every request behind main, which always sends an id. */
    static boolean safe(String id) {
        int length = id.length();
        if (length == 0 || length > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * A random (version 4) UUID from a per-thread generator. An id only correlates log lines, it guards nothing,
     * so it does not need {@link UUID#randomUUID()}'s SecureRandom, whose shared lock the event-loop threads would
     * contend on for every request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(most, least).toString();
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
