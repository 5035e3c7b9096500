package dev.dojo.main.proxy.fast;

import dev.dojo.main.routing.GatewaySettings;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * Puts a {@link FastLaneHandler} into every plain HTTP/1.1 connection, right behind Netty's HTTP codec
 * ({@code dojo.gateway.fast-lane}, on by default). HTTP/2 and other transports keep Micronaut's pipeline as it is.
 */
@Singleton
public class FastLaneInstaller implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String HANDLER_NAME = "dojo-fast-lane";

    private final GatewaySettings settings;
    private final Provider<FastLane> lane;
    private final long idleNanos;

    public FastLaneInstaller(GatewaySettings settings, Provider<FastLane> lane, HttpServerConfiguration server) {
        this.settings = settings;
        this.lane = lane;
        this.idleNanos = server.getIdleTimeout().toNanos();
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        NettyServerCustomizer.Registry registry = event.getBean();
        if (settings.fastLane()) {
            registry.register(new PerConnection(null));
        }
        return registry;
    }

    /** Specialised per connection channel; adds the handler once the HTTP/1.1 pipeline is built. */
    private final class PerConnection implements NettyServerCustomizer {

        private final Channel channel;

        private PerConnection(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION && channel instanceof SocketChannel
                    ? new PerConnection(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null
                    && pipeline.get(HANDLER_NAME) == null) {
                // right behind the codec: the handlers Micronaut puts between it and its own (WebSocket
                // extensions, access logger) only concern requests the fast lane passes on
                pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER_NAME,
                        new FastLaneHandler(lane.get()));
                if (idleNanos > 0 && pipeline.get(ChannelPipelineCustomizer.HANDLER_IDLE_STATE) != null) {
                    // Micronaut only acts on the all-idle signal; this handler gives it without a promise per write
                    pipeline.replace(ChannelPipelineCustomizer.HANDLER_IDLE_STATE,
                            ChannelPipelineCustomizer.HANDLER_IDLE_STATE, new IdleConnectionHandler(idleNanos));
                }
            }
        }
    }
}
