package dev.dojo.main.proxy;

import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.envelope.Messages;
import dev.dojo.common.errors.CorruptBodyHandler;
import dev.dojo.common.requestid.RequestIdFilter;
import dev.dojo.main.edge.CallerFault;
import dev.dojo.main.edge.Refusals;
import dev.dojo.main.routing.EdgePath;
import dev.dojo.main.routing.GatewaySettings;
import dev.dojo.main.routing.Route;
import dev.dojo.main.routing.RouteTable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.util.AsciiString;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.io.EOFException;
import java.util.Optional;

/**
 * The edge's router: a request under a service's prefix is streamed to that service (method, path, query, headers,
 * body) and the service's answer streamed back; everything else continues to main's own routes and the client
 * bundle. A filter rather than a controller, so the body is never buffered or decoded here.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class GatewayFilter implements HttpServerFilter {

    /** Request attribute naming the service a request went to, for the access log and the client filters. */
    public static final String UPSTREAM = "dojo.upstream";

    private static final AsciiString EXPECT = AsciiString.cached("Expect");

    private final RouteTable routes;
    private final ClientAddress clientAddress;
    private final boolean trustForwardedHeaders;
    private final long maxRequestSize;
    private final TraceForwarding traceForwarding;

    public GatewayFilter(RouteTable routes, ClientAddress clientAddress, GatewaySettings settings,
                         HttpServerConfiguration server, TraceForwarding traceForwarding) {
        this.routes = routes;
        this.clientAddress = clientAddress;
        this.traceForwarding = traceForwarding;
        this.trustForwardedHeaders = settings.trustForwardedHeaders();
        this.maxRequestSize = server.getMaxRequestSize();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        // the path the rate limit counted and the guard let through (dev.dojo.main.routing.PathGuardFilter)
        Optional<Route> match = EdgePath.of(request).flatMap(routes::find);
        if (match.isEmpty()) {
            return chain.proceed(request);
        }
        Route route = match.get();
        request.setAttribute(UPSTREAM, route.name());
        // a declared length over the limit is refused before a byte goes downstream; a chunked body is cut off by
        // the server's own max-request-size while it streams
        if (request.getContentLength() > maxRequestSize) {
            return Mono.just(tooLarge());
        }
        if (!route.circuit().tryAcquire()) {
            return Mono.just(UpstreamFailure.UNAVAILABLE.response(route.name())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(route.circuit().retryAfterSeconds())));
        }
        // read before the outgoing copy drops hop-by-hop headers: they share the request's header map
        boolean callerCloses = wantsClose(request);
        return Mono.from(route.client().proxy(outgoing(request)))
                .<MutableHttpResponse<?>>map(response -> {
                    route.circuit().onSuccess();
                    return incoming(response, callerCloses);
                })
                .onErrorResume(failure -> {
                    MutableHttpResponse<?> callersFault = callersFault(request, failure);
                    if (callersFault != null) {
                        // the call failed because of the caller: no outcome for the service's circuit
                        route.circuit().onAbandoned();
                        return Mono.just(callersFault);
                    }
                    route.circuit().onFailure(failure);
                    UpstreamFailure kind = UpstreamFailure.classify(failure);
                    kind.log(request.getMethodName(), request.getPath(), route.name(), failure);
                    return Mono.<MutableHttpResponse<?>>just(kind.response(route.name()));
                })
                .doOnCancel(route.circuit()::onAbandoned);
    }

    /** Closes the caller's connection: main does not read the rest of a body it refused. */
    private static MutableHttpResponse<?> tooLarge() {
        return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).body(Envelope.fail(Messages.PAYLOAD_TOO_LARGE))
                .header(HttpHeaders.CONNECTION, "close");
    }

    /**
     * The answer for a call that failed because of its caller, or {@code null} when the service failed: a body over
     * the limit (Micronaut cut it off mid-way), a compressed body that does not inflate, a body the edge failed
     * ({@link CallerFault}: stalled, malformed), or a body that ended because the caller went away (then nobody
     * reads the answer). Each closes the connection.
     */
    static MutableHttpResponse<?> callersFault(HttpRequest<?> request, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ContentLengthExceededException) {
                return tooLarge();
            }
            if (cause instanceof DecompressionException) {
                // main inflates a gzip or deflate body as it arrives: one that does not inflate is the caller's
                // (counted against the service, three such bodies opened its circuit for everyone)
                return CorruptBodyHandler.refusal();
            }
            if (cause instanceof CallerFault fault) {
                return HttpResponse.status(fault.status()).body(Envelope.fail(fault.getMessage()))
                        .header(HttpHeaders.CONNECTION, "close");
            }
            if (callerGone(request, cause)) {
                return HttpResponse.status(HttpStatus.BAD_REQUEST).body(Envelope.fail(Refusals.MALFORMED))
                        .header(HttpHeaders.CONNECTION, "close");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /**
     * Whether the caller's body ended because its connection closed: Micronaut's server then fails the streamed body
     * with an {@link EOFException} (nothing on the client's side raises one), and the caller's channel is closed.
     */
    private static boolean callerGone(HttpRequest<?> request, Throwable cause) {
        return cause instanceof EOFException && !(request instanceof NettyHttpRequest<?> netty
                && netty.getChannelHandlerContext().channel().isActive());
    }

    private static boolean wantsClose(HttpRequest<?> request) {
        return request.getHeaders().getAll(HttpHeaders.CONNECTION).stream()
                .anyMatch(value -> value.toLowerCase(java.util.Locale.ROOT).contains("close"));
    }

    private MutableHttpRequest<?> outgoing(HttpRequest<?> request) {
        String requestId = RequestIdFilter.requestId(request);
        return request.mutate().headers(headers -> {
            String forwardedFor = clientAddress.forwardedFor(headers, ClientAddress.peer(request.getRemoteAddress()));
            HopByHopHeaders.strip(headers);
            // main answered any "Expect: 100-continue" itself when it started reading the body
            headers.remove(EXPECT);
            ForwardedHeaders.apply(headers, forwardedFor, request.isSecure(), trustForwardedHeaders);
            headers.set(RequestIdFilter.HEADER, requestId);
            traceForwarding.into(headers);
        });
    }

    private static MutableHttpResponse<?> incoming(MutableHttpResponse<?> response, boolean callerCloses) {
        HopByHopHeaders.strip(response.getHeaders());
        // main's RequestIdFilter echoes the id once; the service's copy would be a duplicate
        response.getHeaders().remove(RequestIdFilter.HEADER);
        if (callerCloses) {
            // the caller's own "Connection: close" was dropped from the shared headers on the way out
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
        return response;
    }

    @Override
    public int getOrder() {
        // after CORS and any security filter, so proxied answers get their headers and checks too
        return ServerFilterPhase.RENDERING.before();
    }
}
