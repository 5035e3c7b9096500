package dev.dojo.common.requestid;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Accepts the caller's {@code X-Request-Id} (or makes one), exposes it to log lines as MDC {@code requestId},
 * and echoes it on the response so one request can be followed through main and the services.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final String ATTRIBUTE = "dojo.requestId";

    /** Ids are echoed into headers and logs: accept only short, plain tokens. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @RequestFilter
    public void assignId(HttpRequest<?> request) {
        String id = requestId(request);
        request.setAttribute(ATTRIBUTE, id);
        MDC.put(MDC_KEY, id);
    }

    @ResponseFilter
    public void echoId(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.header(HEADER, id));
        MDC.remove(MDC_KEY);
    }

    /** The id of the request being handled: the caller's if it is safe to reuse, else a fresh one. */
    public static String requestId(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class)
                .or(() -> java.util.Optional.ofNullable(request.getHeaders().get(HEADER))
                        .filter(candidate -> SAFE_ID.matcher(candidate).matches()))
                .orElseGet(() -> UUID.randomUUID().toString());
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
