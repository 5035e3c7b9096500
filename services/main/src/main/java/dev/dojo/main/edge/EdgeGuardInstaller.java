package dev.dojo.main.edge;

import dev.dojo.common.netty.PipelineHook;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;

/**
 * Puts the edge's guard into every plain HTTP/1.1 connection: Micronaut's codec is swapped for one with the same
 * limits whose headers report a {@code Content-Length} dropped for chunked coding ({@link FramingHeaders}), an
 * {@link ArrivalWatch} goes in front of it and an {@link EdgeGuard} right behind it — once the connection has a
 * place under the {@link ConnectionCaps}; one over a cap is closed at once.
 */
@Singleton
public class EdgeGuardInstaller implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String GUARD = "dojo-edge-guard";
    static final String WATCH = "dojo-edge-arrivals";

    private final Refusals refusals;
    private final RefusalCounts counts;
    private final EdgeSettings settings;
    private final NettyHttpServerConfiguration server;
    private final ConnectionCaps caps;

    public EdgeGuardInstaller(Refusals refusals, RefusalCounts counts, EdgeSettings settings,
                              NettyHttpServerConfiguration server, ConnectionCaps caps) {
        this.refusals = refusals;
        this.counts = counts;
        this.settings = settings;
        this.server = server;
        this.caps = caps;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        NettyServerCustomizer.Registry registry = event.getBean();
        // plain HTTP/1.1 connections: main's port speaks nothing else
        registry.register(PipelineHook.of((channel, role) -> role == NettyServerCustomizer.ChannelRole.CONNECTION
                && channel instanceof SocketChannel, this::install));
        return registry;
    }

    private HttpServerCodec codec() {
        return new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(server.getMaxInitialLineLength())
                .setMaxHeaderSize(server.getMaxHeaderSize())
                .setMaxChunkSize(server.getMaxChunkSize())
                .setInitialBufferSize(server.getInitialBufferSize())
                .setStrictLineParsing(true) // bare LF line ends are refused (Netty's default, stated here)
                .setHeadersFactory(FramingHeaders.FACTORY));
    }

    /** Holds a place for the connection under {@link ConnectionCaps} until it closes, or closes it at once. */
    private boolean admitted(Channel channel) {
        ClientNetwork.Caller caller = channel.remoteAddress() instanceof InetSocketAddress peer
                && peer.getAddress() != null ? ClientNetwork.callerOf(peer.getAddress())
                : new ClientNetwork.Caller(String.valueOf(channel.remoteAddress()), null);
        String refused = caps.admit(caller);
        if (refused != null) {
            counts.countClosed(refused);
            channel.close();
            return false;
        }
        channel.closeFuture().addListener(closed -> caps.release(caller));
        return true;
    }

    /** Swaps the codec and puts the watch in front of it and the guard behind it, once the connection is admitted. */
    private void install(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        String codec = ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC;
        if (pipeline.get(codec) instanceof HttpServerCodec && pipeline.get(GUARD) == null) {
            if (!admitted(channel)) {
                return;
            }
            pipeline.replace(codec, codec, codec());
            EdgeGuard guard = new EdgeGuard(refusals, counts, settings, server.getMaxRequestSize());
            pipeline.addBefore(codec, WATCH, new ArrivalWatch(guard));
            pipeline.addAfter(codec, GUARD, guard);
        }
    }
}
