package dev.dojo.main;

import io.micronaut.http.netty.channel.EventLoopGroupRegistry;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which Netty transport main's event loops and connections use. application.yml prefers io_uring, then epoll, then
 * NIO; a test can pin one to keep the fallbacks covered on a machine that has io_uring.
 */
public final class Transports {

    private Transports() {
    }

    /** The properties that pin main's event loops and server channels to {@code transport} (io_uring, epoll, nio). */
    public static Map<String, String> pinnedTo(String transport) {
        return Map.of(
                "micronaut.netty.event-loops.default.transport", transport,
                "micronaut.server.netty.parent.transport", transport,
                "micronaut.server.netty.worker.transport", transport);
    }

    /** Checks that main's event loops run {@code pinned}, or with nothing pinned the best this machine offers. */
    public static void assertLoopsRun(EventLoopGroupRegistry loops, String pinned) {
        Class<? extends IoHandler> expected = handlerFor(pinned != null ? pinned
                : IoUring.isAvailable() ? "io_uring" : Epoll.isAvailable() ? "epoll" : "nio");
        IoEventLoopGroup group = (IoEventLoopGroup) loops.getDefaultEventLoopGroup();
        assertTrue(group.isIoType(expected), "main's event loops run " + expected.getSimpleName());
    }

    private static Class<? extends IoHandler> handlerFor(String transport) {
        return switch (transport) {
            case "io_uring" -> IoUringIoHandler.class;
            case "epoll" -> EpollIoHandler.class;
            case "nio" -> NioIoHandler.class;
            default -> throw new IllegalArgumentException("unknown transport " + transport);
        };
    }
}
