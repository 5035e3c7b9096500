package dev.dojo.main.edge;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** In front of the codec: tells the connection's {@link EdgeGuard} when bytes arrive, so a head's clock can start. */
final class ArrivalWatch extends ChannelInboundHandlerAdapter {

    private final EdgeGuard guard;

    ArrivalWatch(EdgeGuard guard) {
        this.guard = guard;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            guard.bytesArrived();
        }
        ctx.fireChannelRead(msg);
    }
}
