package dev.dojo.common.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;

import java.util.function.Consumer;

/**
 * Applies a rule to the head of each answer a connection writes, after Micronaut has finished it (compression
 * decided, a static file's headers set) and before it is encoded. Keeps no state of a connection: one per rule and
 * server, put in each pipeline with {@link PipelineHook#beforeMicronaut}.
 */
@ChannelHandler.Sharable
public final class AnswerRewriter extends ChannelOutboundHandlerAdapter {

    private final Consumer<HttpResponse> rule;

    public AnswerRewriter(Consumer<HttpResponse> rule) {
        this.rule = rule;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            rule.accept(response);
        }
        ctx.write(msg, promise);
    }
}
