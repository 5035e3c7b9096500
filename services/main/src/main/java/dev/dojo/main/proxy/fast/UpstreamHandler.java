package dev.dojo.main.proxy.fast;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/**
 * The end of a connection to a service: passes what arrives to the exchange using the connection, if any, and
 * watches that the service does not stay silent longer than the route's read timeout while an exchange waits.
 * The watch is one timer per connection that re-arms itself, not one per request: on a busy kept-alive
 * connection it wakes once per timeout period instead of being scheduled and cancelled for every exchange.
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {

    private final Upstream upstream;
    private final long readTimeoutNanos;
    private ChannelHandlerContext ctx;
    private Exchange exchange;
    /** When the service was last heard from, or the current exchange began, whichever is later. */
    private long lastHeard;
    private ScheduledFuture<?> watch;

    UpstreamHandler(Upstream upstream) {
        this.upstream = upstream;
        this.readTimeoutNanos = upstream.route().readTimeout().toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    void attach(Exchange exchange) {
        this.exchange = exchange;
        lastHeard = System.nanoTime();
        if (watch == null) {
            watch = ctx.executor().schedule(this::checkSilence, readTimeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    void detach() {
        this.exchange = null;
    }

    /** When the service was last heard from ({@link System#nanoTime()}): for an idle connection, about when it fell idle. */
    long lastHeard() {
        return lastHeard;
    }

    private void checkSilence() {
        watch = null;
        if (exchange == null) {
            return; // idle: the next exchange arms the watch again
        }
        long silent = System.nanoTime() - lastHeard;
        if (silent >= readTimeoutNanos) {
            exchange.serviceSilent();
        } else {
            watch = ctx.executor().schedule(this::checkSilence, readTimeoutNanos - silent, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (exchange != null) {
            exchange.fromService(msg);
        } else {
            // nothing is asked of an idle connection: whatever comes is out of step, so it is not reused
            ReferenceCountUtil.release(msg);
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // once per read batch rather than per message: the watch only needs to know the service is talking
        lastHeard = System.nanoTime();
        if (exchange != null) {
            exchange.serviceReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.serviceWritabilityChanged();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (watch != null) {
            watch.cancel(false);
            watch = null;
        }
        if (exchange != null) {
            exchange.serviceClosed(null);
        } else {
            upstream.forget(ctx.channel());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (exchange != null) {
            exchange.serviceClosed(cause);
        }
        ctx.close();
    }
}
