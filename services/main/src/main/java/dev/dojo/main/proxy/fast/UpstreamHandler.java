package dev.dojo.main.proxy.fast;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/** The end of a connection to a service: passes what arrives to the exchange using the connection, if any. */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {

    private final Upstream upstream;
    private Exchange exchange;

    UpstreamHandler(Upstream upstream) {
        this.upstream = upstream;
    }

    void attach(Exchange exchange) {
        this.exchange = exchange;
    }

    void detach() {
        this.exchange = null;
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
