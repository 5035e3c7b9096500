package dev.dojo.common.netty;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;

import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * Runs an action on the pipeline of each channel it applies to, once Micronaut has built it: the way to put a
 * handler of our own into every connection (main's edge guard, every service's Accept rewrite). Registered once on
 * Micronaut's {@link NettyServerCustomizer.Registry}; Micronaut asks it for a customizer per channel.
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
