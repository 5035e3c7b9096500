package dev.dojo.common.netty;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;

/**
 * A rule applied to the head of each answer a connection writes, after Micronaut has finished it (compression
 * decided, a static file's headers set) and before it is encoded: a subclass, as a bean, puts it into every
 * pipeline ({@link PipelineHook#beforeMicronaut}). Keeps no state of a connection.
 */
public abstract class AnswerRule implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final Rewriting rewriting = new Rewriting(this);

    /** Rewrites {@code response}'s head, on the connection's event loop. */
    protected abstract void apply(HttpResponse response);

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        // the handler is named after the rule: dojo-VaryOnCoding…
        event.getBean().register(PipelineHook.beforeMicronaut("dojo-" + getClass().getSimpleName(), () -> rewriting));
        return event.getBean();
    }

    /** One per rule and server. */
    @ChannelHandler.Sharable
    private static final class Rewriting extends ChannelOutboundHandlerAdapter {

        private final AnswerRule rule;

        Rewriting(AnswerRule rule) {
            this.rule = rule;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof HttpResponse response) {
                rule.apply(response);
            }
            ctx.write(msg, promise);
        }
    }
}
