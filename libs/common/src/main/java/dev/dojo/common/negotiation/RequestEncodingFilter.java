package dev.dojo.common.negotiation;

import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.envelope.Messages;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * A request body in a content coding the server does not decode is refused, 415, instead of being read as if it were
 * plain: Micronaut inflates gzip and deflate (and removes the header when it does) but passed any other coding
 * ({@code br}, {@code xyz}, {@code gzip, gzip}) to the route as raw bytes. {@code identity} is no coding. main
 * turns this off ({@code dojo.request-encoding.enabled=false}): it passes the header on, and the service refuses.
 */
@ServerFilter(value = ServerFilter.MATCH_ALL_PATTERN,
        // the methods that carry a body here: a GET or HEAD never runs this filter
        methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
@Requires(property = "dojo.request-encoding.enabled", notEquals = "false")
public class RequestEncodingFilter implements Ordered {

    /** The codings a request body may come in, as a 415 names them ({@code Accept-Encoding}, RFC 9110 §12.5.3). */
    public static final String DECODED = "gzip, deflate";

    @RequestFilter
    @Nullable
    public HttpResponse<?> undecoded(HttpRequest<?> request) {
        for (String coding : request.getHeaders().getAll(HttpHeaders.CONTENT_ENCODING)) {
            if (!coding.isBlank() && !coding.strip().equalsIgnoreCase("identity")) {
                return HttpResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                        .header(HttpHeaders.ACCEPT_ENCODING, DECODED)
                        .body(Envelope.fail(Messages.UNSUPPORTED_ENCODING));
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        // before anything reads the body
        return HIGHEST_PRECEDENCE + 10;
    }
}
