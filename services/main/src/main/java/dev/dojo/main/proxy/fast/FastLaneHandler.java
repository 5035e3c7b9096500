package dev.dojo.main.proxy.fast;

import dev.dojo.main.proxy.ClientAddress;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayDeque;

/**
 * Sits in one caller's connection between Netty's HTTP codec and Micronaut's handler, and decides per request which
 * lane serves it: a request the {@link FastLane} accepts becomes an {@link Exchange}; anything else goes on to
 * Micronaut untouched.
 * <p>
 * HTTP/1.1 answers must leave in request order, so a request only takes the fast lane while Micronaut has no answer
 * outstanding on this connection (counted from what it writes through here), and requests that arrive during an
 * exchange (pipelining) wait here until it is over. While an exchange runs, this handler decides when the caller's
 * connection is read; Micronaut's own read requests wait until the exchange is over.
 */
final class FastLaneHandler extends ChannelDuplexHandler {

    private final FastLane lane;
    private ChannelHandlerContext ctx;
    private boolean secure;
    /** Requests passed to Micronaut whose answer has not been written completely yet. */
    private int micronautOutstanding;
    /** Whether the body parts now arriving belong to a request passed to Micronaut. */
    private boolean bodyToMicronaut;
    private Exchange exchange;
    private ArrayDeque<Object> waiting;
    /** Inside a read batch of the caller's connection: writes to a service wait for its end (one flush). */
    private boolean reading;
    /** Micronaut was handed something in this read batch, so it must hear of the batch's end. */
    private boolean micronautRead;
    /** Whether the connection reads by itself (the lane's way) rather than when asked (Micronaut's way). */
    private boolean autoRead;
    private String peer;

    FastLaneHandler(FastLane lane) {
        this.lane = lane;
    }

    boolean secure() {
        return secure;
    }

    /** The caller's address as text, worked out once per connection rather than once per request. */
    String peer() {
        if (peer == null) {
            peer = ClientAddress.peer(ctx.channel().remoteAddress());
        }
        return peer;
    }

    boolean reading() {
        return reading;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.secure = ctx.pipeline().get(SslHandler.class) != null;
        this.autoRead = ctx.channel().config().isAutoRead();
        updateReading();
    }

    /**
     * Lets the connection read by itself while only the lane is busy with it: Micronaut switches automatic reading
     * off and asks for each read, which with epoll costs two {@code epoll_ctl} calls per request. Reading stops
     * (and Micronaut asks again) while Micronaut owes an answer or is being sent a body, while requests wait
     * behind an exchange, and while a service cannot take an exchange's body as fast as it comes.
     */
    void updateReading() {
        boolean wanted = micronautOutstanding == 0 && !bodyToMicronaut && (waiting == null || waiting.isEmpty())
                && (exchange == null || !exchange.wantsBody() || exchange.serviceWritable());
        if (wanted != autoRead) {
            autoRead = wanted;
            ctx.channel().config().setAutoRead(wanted);
            if (wanted) {
                // the read that switching on starts comes through read() below, which holds Micronaut's requests
                // back during an exchange: ask from here, past it
                ctx.read();
            }
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        reading = true;
        if (exchange != null) {
            if (exchange.wantsBody() && msg instanceof HttpContent part && (waiting == null || waiting.isEmpty())) {
                exchange.body(part);
                if (clearIfOver()) {
                    resume();
                }
            } else {
                if (waiting == null) {
                    waiting = new ArrayDeque<>(2);
                }
                waiting.add(msg);
                updateReading();
            }
            return;
        }
        dispatch(msg);
    }

    private void dispatch(Object msg) {
        if (msg instanceof HttpRequest request) {
            // worked out once: the lane routes by it, and the exchange logs it
            String path = micronautOutstanding == 0 ? CleanPath.of(request.uri()) : null;
            Upstream upstream = lane.upstreamFor(request, path);
            if (upstream != null) {
                exchange = new Exchange(lane, this, ctx, upstream, request, path);
                exchange.start();
                if (msg instanceof HttpContent part) {
                    exchange.body(part);
                }
                clearIfOver();
                return;
            }
            micronautOutstanding++;
            bodyToMicronaut = !(msg instanceof LastHttpContent);
            micronautRead = true;
            updateReading();
            ctx.fireChannelRead(msg);
            return;
        }
        micronautRead = true;
        if (msg instanceof LastHttpContent) {
            bodyToMicronaut = false;
            updateReading();
        }
        ctx.fireChannelRead(msg);
    }

    /** Called by the exchange when its answer is written; the caller's connection stays open if {@code keepAlive}. */
    void exchangeDone(boolean keepAlive) {
        if (!keepAlive) {
            releaseWaiting();
            return;
        }
        if (clearIfOver()) {
            resume();
        }
        // otherwise the rest of the request body is still to be read and dropped: channelRead resumes after it
    }

    /**
     * Lets go of an exchange that is answered and has had all of its request body (an answer can come first: an
     * open circuit answers at once); {@code true} if it did.
     */
    private boolean clearIfOver() {
        if (exchange != null && exchange.finished() && !exchange.wantsBody()) {
            exchange = null;
            return true;
        }
        return false;
    }

    /** Serves what arrived during the exchange, then reads on. */
    private void resume() {
        while (exchange == null && waiting != null && !waiting.isEmpty()) {
            Object msg = waiting.poll();
            dispatch(msg);
            if (exchange != null) {
                // the next exchange takes the rest that waited (its body first)
                while (exchange.wantsBody() && !waiting.isEmpty() && waiting.peek() instanceof HttpContent) {
                    exchange.body((HttpContent) waiting.poll());
                }
                // answered at once (an open circuit): go on with what waits behind it
                clearIfOver();
            }
        }
        if (micronautRead && !reading) {
            // Micronaut flushes and asks for more at the end of a read batch
            micronautRead = false;
            ctx.fireChannelReadComplete();
        }
        updateReading();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        if (exchange != null) {
            exchange.callerReadComplete();
        }
        if (micronautRead) {
            // Micronaut flushes its answers and asks for more here; a batch that was all the fast lane's is
            // none of its business (the lane reads on itself, the codec asks for more after a partial message)
            micronautRead = false;
            ctx.fireChannelReadComplete();
        }
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        // while an exchange runs, this handler decides reading; Micronaut's request is met when it is over. The
        // channel's own request after each batch (auto-read) goes through: a completion-based transport (io_uring)
        // reads nothing more without it
        if (exchange == null || autoRead) {
            ctx.read();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // only Micronaut's writes pass here (an exchange writes from this handler's context, below it)
        boolean interim = msg instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        boolean answered = !interim && msg instanceof LastHttpContent && micronautOutstanding > 0;
        if (answered) {
            micronautOutstanding--;
        }
        ctx.write(msg, promise);
        if (answered) {
            updateReading();
        }
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (exchange != null && !exchange.finished()) {
            // Micronaut closes the connections it has nothing running on when it shuts down gracefully: the lane's
            // exchange finishes first, and its answer closes the connection
            exchange.closeWhenDone();
            ctx.channel().closeFuture().addListener(closed -> promise.trySuccess());
            return;
        }
        ctx.close(promise);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.callerWritabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        callerGone();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (exchange != null) {
            callerGone();
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        callerGone();
    }

    private void callerGone() {
        if (exchange != null) {
            exchange.callerGone();
            exchange = null;
        }
        releaseWaiting();
    }

    private void releaseWaiting() {
        if (waiting != null) {
            waiting.forEach(ReferenceCountUtil::release);
            waiting.clear();
        }
    }
}
