package dev.dojo.main.ratelimit;

import dev.dojo.common.envelope.Envelope;
import dev.dojo.main.proxy.ClientAddress;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;

import java.util.OptionalLong;
import java.util.Set;

/** Answers 429 with {@code Retry-After} once a client IP has used its budget on a limited path. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AuthRateLimitFilter implements Ordered {

    static final String TOO_MANY = "Too many attempts. Please try again later.";

    private final Set<String> paths;
    private final FixedWindowRateLimiter limiter;
    private final ClientAddress clientAddress;

    public AuthRateLimitFilter(RateLimitSettings settings, ClientAddress clientAddress) {
        this.paths = Set.copyOf(settings.paths());
        this.limiter = new FixedWindowRateLimiter(settings.requests(), settings.per(), System::nanoTime);
        this.clientAddress = clientAddress;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST || !paths.contains(request.getPath())) {
            return null;
        }
        OptionalLong retryAfter = limiter.acquire(clientAddress.of(request) + " " + request.getPath());
        if (retryAfter.isEmpty()) {
            return null;
        }
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.getAsLong()))
                .body(Envelope.fail(TOO_MANY));
    }

    @Override
    public int getOrder() {
        // before the gateway forwards the request
        return ServerFilterPhase.SECURITY.before();
    }
}
