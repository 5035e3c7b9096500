package dev.dojo.main.proxy.fast;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/**
 * Signals a connection that neither read nor wrote anything for {@code micronaut.server.idle-timeout}, with the
 * same {@link IdleStateEvent#ALL_IDLE_STATE_EVENT} Micronaut's handler answers by closing it. It stands in for
 * Netty's {@code IdleStateHandler}, which Micronaut puts in every connection and which wraps every write in a
 * promise with a listener to see it complete: three per proxied request, a few percent of main's CPU. Here a write
 * counts when it is asked for, and activity is a flag checked every half period, so the signal comes after between
 * one and one and a half idle periods. A caller that stops reading stops the writes too (back-pressure), so it is
 * still closed in time.
 */
final class IdleConnectionHandler extends ChannelDuplexHandler {

    private final long halfPeriodNanos;
    private ChannelHandlerContext ctx;
    private boolean active;
    private int quietChecks;
    private ScheduledFuture<?> check;

    IdleConnectionHandler(long idleNanos) {
        this.halfPeriodNanos = Math.max(1, idleNanos / 2);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (ctx.channel().isActive() && ctx.channel().isRegistered()) {
            schedule();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (check == null) {
            schedule();
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        active = true;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        active = true;
        ctx.write(msg, promise);
    }

    private void schedule() {
        check = ctx.executor().schedule(this::check, halfPeriodNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        if (!ctx.channel().isOpen()) {
            return;
        }
        if (active) {
            active = false;
            quietChecks = 0;
        } else if (++quietChecks >= 2) {
            quietChecks = 0;
            ctx.fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        }
        schedule();
    }

    private void cancel() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }
}
