package dev.dojo.main.proxy.fast;

import dev.dojo.main.accesslog.AccessLog;
import dev.dojo.main.proxy.ClientAddress;
import dev.dojo.main.ratelimit.RateLimitSettings;
import dev.dojo.main.routing.GatewaySettings;
import dev.dojo.main.routing.Route;
import dev.dojo.main.routing.RouteTable;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.json.JsonMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.concurrent.FastThreadLocal;
import jakarta.inject.Singleton;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which requests the fast lane proxies and holds what its exchanges share. It takes only the plain case:
 * a known method on a clean path under a service's prefix, a body of declared length within the limit, and nothing
 * one of main's filters must see (rate-limited logins, CORS while a dev origin is configured). Anything else — a
 * chunked or oversized body, {@code Expect}, {@code Upgrade}, an encoded or odd path — takes the full path, so
 * Micronaut still judges every unusual request. A new filter that must see proxied requests belongs in
 * {@link #upstreamFor} too.
 */
@Singleton
public class FastLane {

    private static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    private final RouteTable routes;
    // by identity: a Route record's own hashCode would hash its client and prefix list on every request
    private final Map<Route, Upstream> upstreams = new IdentityHashMap<>();
    private final ClientAddress clientAddress;
    private final boolean trustForwardedHeaders;
    private final long maxRequestSize;
    private final Set<String> rateLimitedPaths;
    private final String corsOrigin;
    private final AccessLog accessLog;
    private final ResponseCompression compression;
    // one counter per event loop, written only by its thread: a shared one made the loops fight over a cache line
    private final List<AtomicLong> exchangeCounts = new CopyOnWriteArrayList<>();
    private final FastThreadLocal<AtomicLong> exchangeCount = new FastThreadLocal<>() {
        @Override
        protected AtomicLong initialValue() {
            AtomicLong count = new AtomicLong();
            exchangeCounts.add(count);
            return count;
        }
    };

    public FastLane(RouteTable routes, GatewaySettings settings, ClientAddress clientAddress,
                    NettyHttpServerConfiguration server, RateLimitSettings rateLimits, JsonMapper json,
                    @Nullable @Property(name = "dojo.cors.origin") String corsOrigin,
                    AccessLog accessLog) {
        this.routes = routes;
        this.clientAddress = clientAddress;
        this.trustForwardedHeaders = settings.trustForwardedHeaders();
        this.maxRequestSize = server.getMaxRequestSize();
        this.rateLimitedPaths = Set.copyOf(rateLimits.paths());
        this.corsOrigin = corsOrigin;
        this.accessLog = accessLog;
        this.compression = new ResponseCompression(server.getCompressionThreshold(), server.getCompressionLevel());
        for (Route route : routes.routes()) {
            Upstream upstream = Upstream.of(route, json, settings.poolIdleTimeout());
            if (upstream != null) {
                upstreams.put(route, upstream);
            }
        }
    }

    /**
     * The service to proxy {@code request} to on the fast lane, or {@code null} if it must take the full path.
     *
     * @param path the request's path as {@link CleanPath#of} gives it ({@code null}: not clean, full path)
     */
    @Nullable
    Upstream upstreamFor(HttpRequest request, @Nullable String path) {
        if (path == null || request.decoderResult().isFailure() || !METHODS.contains(request.method())) {
            return null;
        }
        HttpHeaders headers = request.headers();
        if (headers.contains(HttpHeaderNames.TRANSFER_ENCODING) || headers.contains(HttpHeaderNames.EXPECT)
                || headers.contains(HttpHeaderNames.UPGRADE) || !declaredLengthWithinLimit(headers)) {
            return null;
        }
        if (request.method() == HttpMethod.POST && rateLimitedPaths.contains(path)) {
            return null;
        }
        if (corsOrigin != null && headers.contains(HttpHeaderNames.ORIGIN)
                || !ResponseCompression.decidedHere(headers)) {
            return null;
        }
        Route route = routes.find(path).orElse(null);
        return route == null ? null : upstreams.get(route);
    }

    private boolean declaredLengthWithinLimit(HttpHeaders headers) {
        // one value at most: Netty's decoder fails a request with several Content-Length headers (checked above)
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (length == null) {
            return true;
        }
        if (length.isEmpty() || length.length() > 19) {
            return false;
        }
        for (int i = 0; i < length.length(); i++) {
            if (length.charAt(i) < '0' || length.charAt(i) > '9') {
                return false;
            }
        }
        return Long.parseLong(length) <= maxRequestSize;
    }

    ClientAddress clientAddress() {
        return clientAddress;
    }

    boolean trustForwardedHeaders() {
        return trustForwardedHeaders;
    }

    ResponseCompression compression() {
        return compression;
    }

    AccessLog accessLog() {
        return accessLog;
    }

    void counted() {
        AtomicLong count = exchangeCount.get();
        count.lazySet(count.get() + 1);
    }

    /** How many exchanges the fast lane has started, for tests and diagnostics. */
    public long exchanges() {
        return exchangeCounts.stream().mapToLong(AtomicLong::get).sum();
    }
}
