package dev.dojo.main.proxy.fast;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdleConnectionHandlerTest {

    private final List<Object> events = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel();

    IdleConnectionHandlerTest() {
        channel.freezeTime();
        channel.pipeline().addLast(new IdleConnectionHandler(TimeUnit.SECONDS.toNanos(10)),
                new ChannelInboundHandlerAdapter() {
                    @Override
                    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                        events.add(evt);
                    }
                });
    }

    private void pass(int seconds) {
        for (int i = 0; i < seconds; i++) {
            channel.advanceTimeBy(1, TimeUnit.SECONDS);
            channel.runScheduledPendingTasks();
        }
    }

    @Test
    void signalsAllIdleAfterOneToOneAndAHalfPeriodsOfSilence() {
        pass(9);
        assertTrue(events.isEmpty(), "not before the idle timeout");
        pass(6);
        assertEquals(List.of(IdleStateEvent.ALL_IDLE_STATE_EVENT), events);
    }

    @Test
    void readsAndWritesKeepTheConnectionAlive() {
        for (int i = 0; i < 6; i++) {
            pass(4);
            if (i % 2 == 0) {
                channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {1}));
            } else {
                channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {2}));
            }
        }
        assertTrue(events.isEmpty(), events.toString());
        pass(15);
        assertEquals(1, events.size());
        channel.finishAndReleaseAll();
    }
}
