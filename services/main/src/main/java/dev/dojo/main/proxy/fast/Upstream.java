package dev.dojo.main.proxy.fast;

import dev.dojo.main.proxy.UpstreamFailure;
import dev.dojo.main.routing.Route;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One service as the fast lane sees it: where it is, its error answers, and its idle keep-alive connections. Each
 * event loop keeps its own idle connections and only ever touches those, so a proxied exchange stays on the thread
 * that accepted the caller and the pool needs no lock. Connections idle longer than the pool's idle timeout are
 * closed by a sweep on their event loop (every tenth of the timeout), so none is handed out that the service may be
 * closing at that moment.
 */
final class Upstream {

    /** Idle connections kept per event loop; more are closed when released. */
    private static final int MAX_IDLE_PER_LOOP = 128;

    private final Route route;
    private final String host;
    private final int port;
    private final String hostHeader;
    private final byte[][] errorBodies;
    private final long idleTimeoutNanos;
    private final Map<EventLoop, ArrayDeque<Channel>> idle = new ConcurrentHashMap<>();

    private Upstream(Route route, String host, int port, byte[][] errorBodies, Duration idleTimeout) {
        this.route = route;
        this.host = host;
        this.port = port;
        // what Micronaut's client sends as Host, so a service sees the same on either lane
        this.hostHeader = port == 80 ? host : host + ":" + port;
        this.errorBodies = errorBodies;
        this.idleTimeoutNanos = idleTimeout.toNanos();
    }

    /** The fast lane's view of {@code route}, or {@code null} if its URL is not plain {@code http://host[:port]}. */
    @Nullable
    static Upstream of(Route route, JsonMapper json, Duration idleTimeout) {
        URI url = route.url();
        boolean plain = "http".equalsIgnoreCase(url.getScheme()) && url.getHost() != null
                && (url.getRawPath() == null || url.getRawPath().isEmpty() || "/".equals(url.getRawPath()))
                && url.getRawQuery() == null && url.getRawUserInfo() == null;
        if (!plain) {
            return null;
        }
        UpstreamFailure[] kinds = UpstreamFailure.values();
        byte[][] bodies = new byte[kinds.length][];
        for (UpstreamFailure kind : kinds) {
            try {
                // the same bytes the full path's envelope serialises to
                bodies[kind.ordinal()] = json.writeValueAsBytes(kind.body(route.name()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Upstream(route, url.getHost(), url.getPort() < 0 ? 80 : url.getPort(), bodies, idleTimeout);
    }

    Route route() {
        return route;
    }

    String hostHeader() {
        return hostHeader;
    }

    byte[] errorBody(UpstreamFailure kind) {
        return errorBodies[kind.ordinal()];
    }

    /** An idle, open connection owned by {@code loop}, or {@code null}. */
    @Nullable
    Channel pooled(EventLoop loop) {
        ArrayDeque<Channel> connections = idle.get(loop);
        if (connections == null) {
            return null;
        }
        for (Channel channel; (channel = connections.pollFirst()) != null; ) {
            if (channel.isActive()) {
                return channel;
            }
        }
        return null;
    }

    /** Takes back a connection whose exchange is complete; the most recently used is handed out first. */
    void release(Channel channel) {
        ArrayDeque<Channel> connections = idle.computeIfAbsent(channel.eventLoop(), this::newPool);
        if (connections.size() < MAX_IDLE_PER_LOOP && channel.isActive()) {
            connections.addFirst(channel);
        } else {
            channel.close();
        }
    }

    private ArrayDeque<Channel> newPool(EventLoop loop) {
        ArrayDeque<Channel> connections = new ArrayDeque<>();
        long every = Math.max(TimeUnit.MILLISECONDS.toNanos(10), idleTimeoutNanos / 10);
        loop.scheduleWithFixedDelay(() -> closeIdle(connections), every, every, TimeUnit.NANOSECONDS);
        return connections;
    }

    /** Closes the connections idle for longer than the timeout: the least recently used are at the tail. */
    private void closeIdle(ArrayDeque<Channel> connections) {
        long now = System.nanoTime();
        for (Channel oldest = connections.peekLast(); oldest != null; oldest = connections.peekLast()) {
            UpstreamHandler end = oldest.pipeline().get(UpstreamHandler.class);
            if (end != null && now - end.lastHeard() < idleTimeoutNanos) {
                return;
            }
            connections.pollLast();
            oldest.close();
        }
    }

    /** An idle connection the service closed. */
    void forget(Channel channel) {
        ArrayDeque<Channel> connections = idle.get(channel.eventLoop());
        if (connections != null) {
            connections.remove(channel);
        }
    }

    /**
     * A new connection on the caller's event loop, of the caller's transport (NIO, or epoll where Micronaut uses
     * the native transport); it fails after the route's connect timeout.
     */
    ChannelFuture connect(Channel caller) {
        return new Bootstrap()
                .group(caller.eventLoop())
                .channel(caller.getClass().asSubclass(Channel.class))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        route.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        // the services are the platform's own: their header lines are parsed strictly but not
                        // re-validated character by character (the caller's request headers are)
                        channel.pipeline().addLast(new HttpClientCodec(
                                new HttpDecoderConfig().setValidateHeaders(false), false, false),
                                new UpstreamHandler(Upstream.this));
                    }
                })
                .connect(new InetSocketAddress(host, port));
    }
}
