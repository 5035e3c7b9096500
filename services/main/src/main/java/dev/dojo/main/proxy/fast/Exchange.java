package dev.dojo.main.proxy.fast;

import dev.dojo.common.requestid.RequestIdFilter;
import dev.dojo.main.proxy.ForwardedHeaders;
import dev.dojo.main.proxy.HeaderMap;
import dev.dojo.main.proxy.HopByHopHeaders;
import dev.dojo.main.proxy.UpstreamFailure;
import dev.dojo.main.routing.CircuitBreaker;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayList;
import java.util.List;

/**
 * One proxied request on the fast lane, from the caller's request head to the service's last byte. Everything runs
 * on the caller's event loop, so nothing here is shared between threads.
 * <p>
 * The outcomes match the full path's: the service's answer streamed back with hop-by-hop headers removed and the
 * request id set; 503 when the service cannot be reached (or its circuit is open), 504 when it stays silent longer
 * than the route's read timeout, 502 when it breaks off before answering; the circuit is charged the same way.
 */
final class Exchange {

    private static final AsciiString REQUEST_ID = AsciiString.cached(RequestIdFilter.HEADER);

    private final FastLane lane;
    private final FastLaneHandler handler;
    private final ChannelHandlerContext caller;
    private final Upstream upstream;
    private final CircuitBreaker circuit;
    private final HttpRequest request;
    private final HttpVersion callerVersion;
    private final String path;
    private final String requestId;
    /** A request that declares no body: it goes to the service as one message (see {@link #attach}). */
    private final boolean bodiless;
    private final long started = System.nanoTime();

    /** Whether the caller's connection stays open after this exchange. */
    private boolean keepAlive;
    private Channel service;
    private UpstreamHandler serviceEnd;
    private boolean reusedConnection;
    /** Request body read before the connection to the service was ready. */
    private List<HttpContent> pendingBody;
    private boolean requestComplete;
    private boolean heardFromService;
    /** An interim (1xx) head was dropped; its empty last part is still to come. */
    private boolean interim;
    private boolean responseStarted;
    private boolean serviceKeepAlive;
    private boolean finished;
    private ResponseCompression.Encoder encoder;
    /**
     * The service's response head, held back until its body's first part or the end of the read batch: a small
     * answer then goes to the caller as one message, one buffer, instead of a head and a body.
     */
    private HttpResponse heldHead;

    Exchange(FastLane lane, FastLaneHandler handler, ChannelHandlerContext caller, Upstream upstream,
             HttpRequest request, String path) {
        this.lane = lane;
        this.handler = handler;
        this.caller = caller;
        this.upstream = upstream;
        this.circuit = upstream.route().circuit();
        this.request = request;
        this.callerVersion = request.protocolVersion();
        this.path = path;
        this.requestId = RequestIdFilter.acceptOrCreate(request.headers().get(REQUEST_ID));
        this.keepAlive = HttpUtil.isKeepAlive(request);
        // FastLane#upstreamFor sends anything with a Transfer-Encoding to the full path: only the length decides
        this.bodiless = HttpUtil.getContentLength(request, 0L) == 0;
    }

    /** Starts the exchange: the request head has arrived; body parts follow via {@link #body}. */
    void start() {
        lane.counted();
        if (!circuit.tryAcquire()) {
            answer(UpstreamFailure.UNAVAILABLE, circuit.retryAfterSeconds());
            return;
        }
        rewriteForService();
        Channel pooled = upstream.pooled(caller.channel().eventLoop());
        if (pooled != null) {
            attach(pooled, true);
        } else {
            connect();
        }
    }

    private void rewriteForService() {
        HttpHeaders headers = request.headers();
        HeaderMap map = HeaderMap.of(headers);
        String forwardedFor = lane.clientAddress().forwardedFor(map, handler.peer());
        HopByHopHeaders.strip(map);
        ForwardedHeaders.apply(map, forwardedFor, handler.secure(), lane.trustForwardedHeaders());
        headers.set(REQUEST_ID, requestId);
        headers.set(HttpHeaderNames.HOST, upstream.hostHeader());
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
    }

    private void connect() {
        upstream.connect(caller.channel()).addListener((ChannelFuture done) -> {
            if (finished) {
                done.channel().close();
            } else if (done.isSuccess()) {
                attach(done.channel(), false);
            } else {
                fail(UpstreamFailure.classify(done.cause()), done.cause());
            }
        });
    }

    private void attach(Channel channel, boolean reused) {
        service = channel;
        serviceEnd = channel.pipeline().get(UpstreamHandler.class);
        serviceEnd.attach(this);
        reusedConnection = reused;
        if (bodiless) {
            // head and (empty) end in one message: the end alone would be a second trip through both pipelines
            channel.write(new DefaultFullHttpRequest(request.protocolVersion(), request.method(), request.uri(),
                    Unpooled.EMPTY_BUFFER, request.headers(), EmptyHttpHeaders.INSTANCE), channel.voidPromise());
        } else {
            channel.write(request, channel.voidPromise());
        }
        if (pendingBody != null) {
            for (HttpContent part : pendingBody) {
                channel.write(part, channel.voidPromise());
            }
            pendingBody = null;
        }
        if (!handler.reading()) {
            // outside the caller's read batch nothing else will flush (a connection that was just opened)
            channel.flush();
        }
    }

    /** A part of the caller's request body (the last one ends it). */
    void body(HttpContent part) {
        if (part instanceof LastHttpContent) {
            requestComplete = true;
        }
        if (finished || bodiless) {
            // a bodiless request's end went with its head
            part.release();
        } else if (service != null) {
            service.write(part, service.voidPromise());
            if (!handler.reading()) {
                service.flush();
            }
        } else {
            if (pendingBody == null) {
                pendingBody = new ArrayList<>(2);
            }
            pendingBody.add(part);
        }
    }

    /** The caller's connection is to close once this exchange's answer is out (main is shutting down). */
    void closeWhenDone() {
        keepAlive = false;
    }

    /** Whether body parts are still to come: until then they belong to this exchange, even a finished one. */
    boolean wantsBody() {
        return !requestComplete;
    }

    boolean finished() {
        return finished;
    }

    /** The caller's read batch ended: send on what it brought, in one write. */
    void callerReadComplete() {
        if (service != null && !finished) {
            service.flush();
        }
    }

    boolean serviceWritable() {
        return service == null || service.isWritable();
    }

    void serviceWritabilityChanged() {
        // the caller's connection reads again (or pauses) with the service's appetite for the body
        handler.updateReading();
    }

    void callerWritabilityChanged() {
        if (service != null && !finished) {
            // a slow caller holds back the service instead of filling main's memory
            service.config().setAutoRead(caller.channel().isWritable());
        }
    }

    /** A message from the service: the response head, then body parts. */
    void fromService(Object msg) {
        heardFromService = true;
        if (finished) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (interim && msg instanceof LastHttpContent) {
            // Netty ends an interim (1xx) head with an empty last part: not the end of the real answer
            interim = false;
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpResponse response && !responseHead(response)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpContent part) {
            responseBody(part);
        }
    }

    /** Passes the service's response head on; {@code false} if nothing of the message is left to pass. */
    private boolean responseHead(HttpResponse response) {
        if (response.decoderResult().isFailure()) {
            fail(UpstreamFailure.BAD_GATEWAY, response.decoderResult().cause());
            return false;
        }
        if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
            // an interim answer (100 Continue, 103 Early Hints): the real answer follows
            interim = !(response instanceof LastHttpContent);
            return false;
        }
        circuit.onSuccess();
        responseStarted = true;
        serviceKeepAlive = HttpUtil.isKeepAlive(response);
        HttpHeaders headers = response.headers();
        HopByHopHeaders.strip(HeaderMap.of(headers));
        headers.set(REQUEST_ID, requestId);
        boolean http10 = callerVersion == HttpVersion.HTTP_1_0;
        if (mayHaveBody(response) && !HttpUtil.isContentLengthSet(response)
                && !HttpUtil.isTransferEncodingChunked(response)) {
            // the service ends its body by closing: re-frame it for the caller
            if (http10) {
                keepAlive = false;
            } else {
                headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            }
        }
        if (http10 && HttpUtil.isTransferEncodingChunked(response)) {
            headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
            keepAlive = false;
        }
        encoder = lane.compression().start(request, callerVersion, response);
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (http10) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        logAccess(response.status().code());
        if (response instanceof HttpContent) {
            // a head and body in one message: pass the head alone, the body follows in responseBody
            caller.write(new DefaultHttpResponse(HttpVersion.HTTP_1_1, response.status(), headers),
                    caller.voidPromise());
            return true;
        }
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
        if (encoder == null) {
            heldHead = response;
        } else {
            caller.write(response, caller.voidPromise());
        }
        return false;
    }

    private void responseBody(HttpContent part) {
        boolean last = part instanceof LastHttpContent;
        HttpContent out = part;
        if (heldHead != null) {
            if (last) {
                out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, heldHead.status(), part.content(),
                        heldHead.headers(), ((LastHttpContent) part).trailingHeaders());
            } else {
                caller.write(heldHead, caller.voidPromise());
            }
            heldHead = null;
        } else if (encoder != null) {
            ByteBuf compressed = encoder.push(part.content());
            out = last ? new DefaultLastHttpContent(Unpooled.wrappedBuffer(compressed, encoder.finish()))
                    : new DefaultHttpContent(compressed);
        }
        if (!last) {
            caller.write(out, caller.voidPromise());
            if (!caller.channel().isWritable()) {
                service.config().setAutoRead(false);
            }
            return;
        }
        finished = true;
        if (serviceKeepAlive && requestComplete) {
            serviceEnd.detach();
            if (!service.config().isAutoRead()) {
                service.config().setAutoRead(true);
            }
            upstream.release(service);
            service = null;
        } else {
            closeService();
        }
        if (keepAlive) {
            caller.writeAndFlush(out, caller.voidPromise());
        } else {
            caller.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
        }
        handler.exchangeDone(keepAlive);
    }

    void serviceReadComplete() {
        if (heldHead != null) {
            // the body comes in a later read: the head goes now
            caller.write(heldHead, caller.voidPromise());
            heldHead = null;
        }
        if (!finished) {
            // pass on what this batch brought; a finished exchange has flushed already
            caller.flush();
        }
    }

    /** The connection to the service closed or failed before the exchange finished. */
    void serviceClosed(Throwable cause) {
        if (finished) {
            return;
        }
        if (!heardFromService && reusedConnection && retryable()) {
            // a kept-alive connection the service had just closed: ask again on a fresh one, as a browser would
            closeService();
            connect();
            return;
        }
        fail(UpstreamFailure.classify(cause), cause);
    }

    /** Only a request without a body whose repetition cannot change anything is asked twice. */
    private boolean retryable() {
        HttpMethod method = request.method();
        return requestComplete && bodiless && (method == HttpMethod.GET || method == HttpMethod.HEAD
                || method == HttpMethod.OPTIONS);
    }

    /** The service said nothing for the route's read timeout. */
    void serviceSilent() {
        fail(UpstreamFailure.TIMEOUT, null);
    }

    private void fail(UpstreamFailure kind, Throwable cause) {
        if (finished) {
            return;
        }
        circuit.onFailure();
        kind.log(request.method().name(), path, upstream.route().name(), cause);
        if (responseStarted) {
            // the head is gone: a cut-off connection is the only honest way to say the body is incomplete
            finished = true;
            closeService();
            caller.close();
            handler.exchangeDone(false);
        } else {
            answer(kind, -1);
        }
    }

    /** Answers the caller with {@code kind}'s envelope; {@code retryAfter} seconds if not negative. */
    private void answer(UpstreamFailure kind, long retryAfter) {
        finished = true;
        closeService();
        byte[] body = upstream.errorBody(kind);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(kind.status().getCode()), Unpooled.wrappedBuffer(body));
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        headers.set(REQUEST_ID, requestId);
        if (retryAfter >= 0) {
            headers.set(HttpHeaderNames.RETRY_AFTER, retryAfter);
        }
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        logAccess(kind.status().getCode());
        ChannelFuture written = caller.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        handler.exchangeDone(keepAlive);
    }

    /** The caller went away (or its connection failed) before the exchange finished. */
    void callerGone() {
        if (finished) {
            return;
        }
        finished = true;
        if (!responseStarted) {
            circuit.onAbandoned();
        }
        closeService();
    }

    private void closeService() {
        heldHead = null;
        if (encoder != null) {
            encoder.discard();
        }
        if (pendingBody != null) {
            pendingBody.forEach(ReferenceCountUtil::release);
            pendingBody = null;
        }
        if (service != null) {
            serviceEnd.detach();
            service.close();
            service = null;
        }
    }

    private void logAccess(int status) {
        lane.accessLog().record(request.method().name(), path, status, started, upstream.route().name(), requestId);
    }

    private boolean mayHaveBody(HttpResponse response) {
        int code = response.status().code();
        return request.method() != HttpMethod.HEAD && code != 204 && code != 304;
    }
}
