package dev.dojo.main.edge;

import dev.dojo.common.envelope.Messages;
import io.micronaut.http.HttpStatus;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sits in each HTTP/1.1 connection right behind Netty's codec, before Micronaut. It
 * <ul>
 * <li>refuses a request head that fails {@link RequestRules} or Netty's own decoding with an envelope answer and a
 * closed connection, before Micronaut, a filter or a service sees any of it; the rest of the connection's input is
 * dropped, so nothing sent after a refused head is ever read as a request;</li>
 * <li>answers 408 and closes when a head is not complete within {@code head-timeout} of its first byte, and closes
 * a new connection that sends nothing within {@code head-timeout};</li>
 * <li>fails a request body with a {@link CallerFault} when it stays silent for {@code body-idle-timeout} while main
 * waits for it, or breaks its chunked framing: the proxied call then fails as the caller's fault;</li>
 * <li>passes a pipelined request on only once the answers before it are written, and none after a connection's
 * last request (HTTP/1.0, {@code Connection: close}, or an answer that closes): what follows is never read;</li>
 * <li>answers {@code Expect: 100-continue} itself and drops the header;</li>
 * <li>serves HTTP/1 only: another major version is refused (400), a minor one above 1 is served as HTTP/1.1, and an
 * HTTP/1.0 caller's answer is never chunked (its body ends with the connection);</li>
 * <li>refuses a body in a coding it could inflate but does not take (snappy, br: 415, as the services refuse any
 * coding but gzip and deflate);</li>
 * <li>refuses a gzip or deflate body that is not exactly one whole stream ({@link CompressedBody}): cut off before
 * its end, or with bytes after it;</li>
 * <li>drops request trailers (RFC 9110 §6.5.1 lets a recipient discard them) so none can reach a service;</li>
 * <li>closes a connection whose caller may still be sending (a refused or unread body) by lingering: the answer is
 * followed by a FIN, and what still arrives is read and dropped for at most {@value #LINGER_SECONDS} s, so the
 * caller reads the answer instead of a reset that can discard it (a close with unread input sends RST).</li>
 * </ul>
 * All on the connection's event loop: no locks.
 */
final class EdgeGuard extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeGuard.class);

    private enum Phase { IDLE, HEAD, BODY, REFUSED }

    static final int LINGER_SECONDS = 2;
    /** Why a connection that never sent a byte is closed, as counted. */
    static final String SILENT = "Silent connection";

    private final Refusals refusals;
    private final RefusalCounts counts;
    private final long headNanos;
    private final long bodyIdleNanos;
    private final long maxRequestSize;
    private ChannelHandlerContext ctx;
    private Phase phase = Phase.IDLE;
    /** Requests passed on whose final answer has not been written yet (pipelining keeps them in order). */
    private int outstanding;
    private ScheduledFuture<?> timer;
    private FullHttpResponse pendingRefusal;
    private boolean closeWhenAnswered;
    /** The request under way is the connection's last (HTTP/1.0 without keep-alive, "Connection: close"). */
    private boolean lastRequest;
    /** The request passed on is HTTP/1.0: always a connection's last, so every final answer from now on is its. */
    private boolean http10;
    /** Pipelined input waiting for the answers before it, and whether Micronaut asked to read meanwhile. */
    private List<Object> held = new ArrayList<>();
    private boolean holding;
    private boolean readWanted;
    /** The close asked for while the connection lingers ({@link #close}); null when not lingering. */
    private ChannelPromise lingering;
    /** The gzip or deflate body under way, checked to be one whole stream; null for any other body. */
    private CompressedBody compressed;

    EdgeGuard(Refusals refusals, RefusalCounts counts, EdgeSettings settings, long maxRequestSize) {
        this.refusals = refusals;
        this.counts = counts;
        this.maxRequestSize = maxRequestSize;
        this.headNanos = settings.headTimeout().toNanos();
        this.bodyIdleNanos = settings.bodyIdleTimeout().toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        // a new connection has the head deadline for its first byte too: one that never sends would otherwise be
        // held for Micronaut's idle timeout (5 min), a file descriptor and ~4 KB of heap each (ADR 0071)
        arm(headNanos, this::silentExpired);
    }

    /** Bytes reached the codec ({@link ArrivalWatch}): if no request was under way, a head has begun. */
    void bytesArrived() {
        if (phase == Phase.IDLE) {
            phase = Phase.HEAD;
            arm(headNanos, this::headExpired);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (phase == Phase.REFUSED) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (holding) {
            held.add(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            cancel();
            DecoderResult decoded = request.decoderResult();
            HttpVersion version = request.protocolVersion();
            if (version.majorVersion() != 1 && !decoded.isFailure()) {
                // Netty reads any "HTTP/x.y" and Micronaut echoes it in the status line ("HTTP/2.0 200 OK" in
                // HTTP/1.1 framing): only HTTP/1 is served on this port. A 400, not RFC 9110's optional 505: the
                // caller's input is at fault, and the contract answers bad input with a 4xx
                ReferenceCountUtil.release(msg);
                answer(HttpResponseStatus.BAD_REQUEST, Refusals.VERSION);
                return;
            }
            if (version.minorVersion() > 1) {
                request.setProtocolVersion(HttpVersion.HTTP_1_1); // RFC 9112 §2.3: served as the highest 1.x known
            }
            String violation = decoded.isFailure() ? String.valueOf(decoded.cause()) : RequestRules.violation(request);
            if (violation != null) {
                LOG.debug("refused {} {}: {}", request.method(), request.uri(), violation);
                ReferenceCountUtil.release(msg);
                refuse(decoded.isFailure() ? decoded.cause() : null);
                return;
            }
            String expect = request.headers().get(HttpHeaderNames.EXPECT);
            if (expect != null && (request.protocolVersion().equals(HttpVersion.HTTP_1_0)
                    || !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect.trim())
                    || request.headers().getAll(HttpHeaderNames.EXPECT).size() > 1)) {
                ReferenceCountUtil.release(msg);
                answer(HttpResponseStatus.EXPECTATION_FAILED, Refusals.EXPECTATION);
                return;
            }
            if (CompressedBody.refused(request.headers())
                    && (HttpUtil.getContentLength(request, 0L) > 0 || HttpUtil.isTransferEncodingChunked(request))) {
                // (no body, nothing in that coding: a GET that names one is served as before)
                ReferenceCountUtil.release(msg);
                answer(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, Messages.UNSUPPORTED_ENCODING);
                return;
            }
            if (outstanding > 0) {
                // pipelined: held until the earlier answers are out, so that none is read if one of them closes
                holding = true;
                held.add(msg);
                return;
            }
            pass(ctx, request);
            return;
        }
        if (msg instanceof HttpContent content) {
            cancel();
            if (content.decoderResult().isFailure()) {
                LOG.debug("refused a request body: {}", content.decoderResult().cause().toString());
                ReferenceCountUtil.release(msg);
                bodyFault(HttpStatus.BAD_REQUEST, Refusals.MALFORMED);
                return;
            }
            if (compressed != null && !wholeStream(content)) {
                ReferenceCountUtil.release(msg);
                bodyFault(HttpStatus.BAD_REQUEST, Messages.INVALID_PAYLOAD);
                return;
            }
            if (content instanceof LastHttpContent last) {
                phase = afterRequest();
                if (!last.trailingHeaders().isEmpty()) {
                    msg = new DefaultLastHttpContent(last.content()); // the same buffer, without the trailers
                }
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void pass(ChannelHandlerContext ctx, HttpRequest request) {
        outstanding++;
        // HTTP/1.0 gets one request per connection, keep-alive or not: Micronaut may close after a 1.0 answer anyway
        http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
        lastRequest = !HttpUtil.isKeepAlive(request) || http10;
        closeWhenAnswered |= lastRequest;
        boolean bodyToCome = !(request instanceof LastHttpContent);
        if (HttpUtil.is100ContinueExpected(request)) {
            // main answers the expectation itself (as nginx does): the service never sees it, and a caller waiting
            // for it is not left to a service's or the HTTP client's timing
            request.headers().remove(HttpHeaderNames.EXPECT);
            if (bodyToCome && HttpUtil.getContentLength(request, 0L) <= maxRequestSize) {
                ctx.write(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
                ctx.channel().flush();
            }
        }
        phase = bodyToCome ? Phase.BODY : afterRequest();
        endCompressed();
        compressed = bodyToCome ? CompressedBody.of(request.headers()) : null;
        ctx.fireChannelRead(request);
    }

    /**
     * Whether the compressed body so far can still be one whole stream, and at its last part is one: Micronaut
     * would serve a cut-off or padded one as whole (Invalid payload., like a body that does not inflate).
     */
    private boolean wholeStream(HttpContent content) {
        boolean whole = compressed.feed(content.content());
        if (whole && !(content instanceof LastHttpContent)) {
            return true;
        }
        whole = whole && compressed.complete();
        endCompressed();
        return whole;
    }

    private void endCompressed() {
        if (compressed != null) {
            compressed.end();
            compressed = null;
        }
    }

    /** Passes on what was held behind an answered request, in order, and the read Micronaut asked for meanwhile. */
    private void release() {
        holding = false;
        List<Object> replay = held;
        held = new ArrayList<>();
        for (Object msg : replay) {
            channelRead(ctx, msg);
        }
        if (!replay.isEmpty()) {
            ctx.fireChannelReadComplete(); // Micronaut flushes its answers at the end of a read batch
        }
        if (readWanted && !holding) {
            readWanted = false;
            ctx.read();
        }
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (holding) {
            readWanted = true; // back-pressure while a request waits for its turn
            return;
        }
        // Micronaut asks for more of a body only when its consumer wants it: the wait that follows is the caller's
        if (phase == Phase.BODY && timer == null) {
            arm(bodyIdleNanos, this::bodyExpired);
        }
        ctx.read();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            if (response.status().code() < 200) {
                ctx.write(msg, promise); // 100 Continue: an interim answer, the final one follows
                return;
            }
            if (response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)) {
                closeWhenAnswered = true; // Micronaut closes after this answer: nothing held may be read
            }
            if (http10 && HttpUtil.isTransferEncodingChunked(response)) {
                // Micronaut re-frames every proxied answer as chunked, which an HTTP/1.0 caller cannot read (RFC
                // 9112 §6.1: no Transfer-Encoding to a 1.0 request): the body is sent as is and ends with the
                // connection, which closes after a 1.0 answer anyway
                response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING)
                        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
        }
        if (!(msg instanceof LastHttpContent) || outstanding == 0) {
            ctx.write(msg, promise);
            return;
        }
        outstanding--;
        if (outstanding > 0) {
            ctx.write(msg, promise);
        } else if (pendingRefusal != null) {
            ctx.write(msg, promise);
            FullHttpResponse refusal = pendingRefusal;
            pendingRefusal = null;
            ctx.writeAndFlush(refusal).addListener(ChannelFutureListener.CLOSE);
        } else if (closeWhenAnswered) {
            phase = Phase.REFUSED;
            releaseHeld();
            ChannelPromise real = promise.unvoid();
            ctx.write(msg, real);
            real.addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.write(msg, promise);
            if (holding) {
                ctx.executor().execute(this::release);
            }
        }
    }

    private void releaseHeld() {
        held.forEach(ReferenceCountUtil::release);
        held.clear();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (lingering != null) {
            ctx.read(); // keep draining until the caller closes or the linger ends (what the codec swallowed too)
            return;
        }
        ctx.fireChannelReadComplete();
    }

    /**
     * A close while a request is under way or after a refusal lingers ({@link #LINGER_SECONDS}): output shut down
     * (the answer already written is followed by a FIN), input read and dropped until the caller closes or the
     * linger ends. An idle connection closes at once.
     */
    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (lingering != null) {
            // asked again while lingering (Micronaut answers the output's shutdown with a close): done with the first
            ctx.channel().closeFuture().addListener(closed -> promise.trySuccess());
            return;
        }
        if (phase == Phase.IDLE || !(ctx.channel() instanceof DuplexChannel channel)
                || !channel.isActive() || channel.isOutputShutdown()) {
            cancel();
            ctx.close(promise);
            return;
        }
        lingering = promise;
        phase = Phase.REFUSED;
        releaseHeld();
        arm(TimeUnit.SECONDS.toNanos(LINGER_SECONDS), () -> ctx.close(promise));
        channel.shutdownOutput();
        ctx.read();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        endCompressed();
        if (lingering != null) {
            ctx.close(lingering); // the caller closed first: the close asked for is done
        }
        releaseHeld();
        if (pendingRefusal != null) {
            pendingRefusal.release();
            pendingRefusal = null;
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
        endCompressed();
    }

    /** After a connection's last request nothing more is read as a request: what follows is dropped. */
    private Phase afterRequest() {
        return lastRequest ? Phase.REFUSED : Phase.IDLE;
    }

    private void headExpired() {
        timer = null;
        if (phase != Phase.HEAD) {
            return;
        }
        if (outstanding > 0) {
            // main still owes an earlier answer and reads nothing meanwhile: not the caller's delay
            arm(headNanos, this::headExpired);
            return;
        }
        LOG.debug("refused a request head not complete within {} ms", TimeUnit.NANOSECONDS.toMillis(headNanos));
        answer(HttpResponseStatus.REQUEST_TIMEOUT, Refusals.TIMEOUT);
    }

    /** Nothing arrived since the connection opened (any byte re-arms the timer for the head). */
    private void silentExpired() {
        timer = null;
        if (phase == Phase.IDLE && outstanding == 0) {
            LOG.debug("closed a connection silent for {} ms", TimeUnit.NANOSECONDS.toMillis(headNanos));
            counts.countClosed(SILENT);
            ctx.close(); // while still idle: closed at once, with no linger (nothing is owed, nothing was sent)
            phase = Phase.REFUSED;
        }
    }

    private void bodyExpired() {
        timer = null;
        if (phase == Phase.BODY) {
            LOG.debug("a request body was silent for {} ms", TimeUnit.NANOSECONDS.toMillis(bodyIdleNanos));
            bodyFault(HttpStatus.REQUEST_TIMEOUT, Refusals.TIMEOUT);
        }
    }

    /** A head main will not pass on: answer it once the earlier answers are out, then close. */
    private void refuse(Throwable decoderFailure) {
        if (decoderFailure instanceof TooLongHttpHeaderException) {
            answer(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, Refusals.HEADERS_TOO_LARGE);
        } else if (decoderFailure instanceof TooLongHttpLineException) {
            answer(HttpResponseStatus.REQUEST_URI_TOO_LONG, Refusals.TARGET_TOO_LONG);
        } else if (decoderFailure instanceof TooLongFrameException) {
            answer(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, Refusals.HEADERS_TOO_LARGE);
        } else {
            answer(HttpResponseStatus.BAD_REQUEST, Refusals.MALFORMED);
        }
    }

    private void answer(HttpResponseStatus status, String message) {
        counts.count(status.code(), message);
        phase = Phase.REFUSED;
        cancel();
        releaseHeld();
        FullHttpResponse response = refusals.response(status, message);
        if (outstanding == 0) {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            pendingRefusal = response;
        }
    }

    /**
     * The body under way failed because of its caller: fail it into Micronaut's body stream, which fails the
     * proxied call (the service's connection is closed, not reused), and close once that answer is written.
     */
    private void bodyFault(HttpStatus status, String message) {
        counts.count(status.getCode(), message);
        phase = Phase.REFUSED;
        closeWhenAnswered = true;
        if (outstanding == 0) {
            close(ctx, ctx.newPromise()); // already answered (say a 413 before the body): nothing is owed
            return;
        }
        ctx.fireExceptionCaught(new CallerFault(status, message));
        // should nothing answer (a handler that ignored the body), do not keep the connection for ever
        arm(bodyIdleNanos, ctx::close);
    }

    private void arm(long nanos, Runnable task) {
        cancel();
        timer = ctx.executor().schedule(task, nanos, TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
