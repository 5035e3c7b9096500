package dev.dojo.common.netty;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;

import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs an action on the pipeline of each channel it applies to, once Micronaut has built it: the way to put a
 * handler of our own into every connection (main's edge guard, every service's Accept rewrite and answer rules).
 * Registered once on Micronaut's {@link NettyServerCustomizer.Registry}; Micronaut asks it for a customizer per
 * channel.
 */
public final class PipelineHook implements NettyServerCustomizer {

    private final BiPredicate<Channel, ChannelRole> applies;
    private final Consumer<Channel> action;
    @Nullable
    private final Channel channel;

    private PipelineHook(BiPredicate<Channel, ChannelRole> applies, Consumer<Channel> action,
                         @Nullable Channel channel) {
        this.applies = applies;
        this.action = action;
        this.channel = channel;
    }

    /** A hook that runs {@code action} on each channel, of a role, that {@code applies} accepts. */
    public static PipelineHook of(BiPredicate<Channel, ChannelRole> applies, Consumer<Channel> action) {
        return new PipelineHook(applies, action, null);
    }

    /**
     * A hook that puts {@code handler} (a sharable one) right before Micronaut's own handler, under {@code name}, in
     * each pipeline that has one (an HTTP/1 connection, an HTTP/2 stream): it then sees each request before
     * Micronaut routes it, and each answer Micronaut writes as it goes out.
     */
    public static PipelineHook beforeMicronaut(String name, Supplier<? extends ChannelHandler> handler) {
        return of((channel, role) -> role != ChannelRole.LISTENER, channel -> {
            ChannelPipeline pipeline = channel.pipeline();
            String micronaut = ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND;
            if (pipeline.get(micronaut) != null && pipeline.get(name) == null) {
                pipeline.addBefore(micronaut, name, handler.get());
            }
        });
    }

    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
        return new PipelineHook(applies, action, applies.test(channel, role) ? channel : null);
    }

    @Override
    public void onStreamPipelineBuilt() {
        if (channel != null) {
            action.accept(channel);
        }
    }
}
