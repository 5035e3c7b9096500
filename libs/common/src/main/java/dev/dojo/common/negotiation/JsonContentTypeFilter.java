package dev.dojo.common.negotiation;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.MediaTypeProvider;

import java.util.Iterator;

/**
 * A JSON answer says {@code Content-Type: application/json}, never what the caller wrote. When a route's answer has
 * no media type of its own, Micronaut takes the first entry of the request's {@code Accept} that the route produces,
 * parameters and all: {@code Accept: application/json;charset=utf-7} got an answer declared UTF-7 (its body is
 * UTF-8), and any parameter a caller made up came back in the header. main turns the filter off
 * ({@code dojo.json-content-type.enabled=false}) and applies {@link #plainJson} to its own answers only: a service's
 * answer passing through it already had it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "dojo.json-content-type.enabled", notEquals = "false")
public class JsonContentTypeFilter implements Ordered {

    @ResponseFilter
    public void answer(HttpRequest<?> request, MutableHttpResponse<?> response) {
        plainJson(request, response);
    }

    /** Sets plain {@code application/json} where the answer would otherwise carry the caller's parameters. */
    public static void plainJson(HttpRequest<?> request, MutableHttpResponse<?> response) {
        // Micronaut copies parameters only out of the caller's Accept: without a ';' there are none (the usual
        // case, decided without parsing the header); an answer that names its own media type keeps it
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accept == null || accept.indexOf(';') < 0 || response.getContentType().isPresent()) {
            return;
        }
        // a file names its own type; an answer without a body has none to name
        Object body = response.getBody().orElse(null);
        if (body == null || body instanceof MediaTypeProvider) {
            return;
        }
        Iterator<MediaType> accepted = request.accept().iterator();
        if (accepted.hasNext() && withParameters(accepted.next())) {
            response.contentType(MediaType.APPLICATION_JSON_TYPE);
        }
    }

    private static boolean withParameters(MediaType type) {
        return type.matches(MediaType.APPLICATION_JSON_TYPE) && !type.getParameters().isEmpty();
    }

    @Override
    public int getOrder() {
        // its response method runs after the routes' and the other filters' (a lower order answers later)
        return HIGHEST_PRECEDENCE + 1;
    }
}
