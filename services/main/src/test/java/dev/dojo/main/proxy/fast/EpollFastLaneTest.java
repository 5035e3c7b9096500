package dev.dojo.main.proxy.fast;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/**
 * {@link FastLaneTest} on epoll: main falls back to it where io_uring is missing or blocked (Docker's default
 * seccomp profile blocks it), and the lane's reading and back-pressure must hold on either transport.
 */
@MicronautTest
class EpollFastLaneTest extends FastLaneTest {

    @Override
    String pinnedTransport() {
        return "epoll";
    }
}
