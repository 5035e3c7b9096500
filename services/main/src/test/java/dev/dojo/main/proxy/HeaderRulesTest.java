package dev.dojo.main.proxy;

import dev.dojo.main.routing.GatewaySettings;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.netty.NettyHttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proxy's header rules on their own, one header map at a time (GatewayRoutingTest checks them on the wire):
 * the forwarded chain, the forwarded headers a caller may not set, hop-by-hop stripping and the failure kinds.
 */
class HeaderRulesTest {

    private static ClientAddress clientAddress(boolean trusted) {
        return new ClientAddress(new GatewaySettings(trusted, null));
    }

    private static MutableHttpHeaders headers(String... namesAndValues) {
        DefaultHttpHeaders headers = new DefaultHttpHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new NettyHttpHeaders(headers, ConversionService.SHARED);
    }

    @Test
    void atTheEdgeTheChainIsThePeerAlone() {
        MutableHttpHeaders spoofed = headers("X-Forwarded-For", "6.6.6.6");
        assertEquals("10.0.0.1", clientAddress(false).forwardedFor(spoofed, "10.0.0.1"));
    }

    @Test
    void behindATrustedProxyThePeerIsAppendedToEveryForwardedLine() {
        MutableHttpHeaders forwarded = headers("X-Forwarded-For", "1.1.1.1, 2.2.2.2", "X-Forwarded-For", "3.3.3.3");
        assertEquals("1.1.1.1, 2.2.2.2, 3.3.3.3, 10.0.0.1", clientAddress(true).forwardedFor(forwarded, "10.0.0.1"));
        assertEquals("10.0.0.1", clientAddress(true).forwardedFor(headers(), "10.0.0.1"));
    }

    @Test
    void aPeerIsItsAddressNotItsName() throws IOException {
        InetSocketAddress resolved = new InetSocketAddress(InetAddress.getByAddress("localhost", new byte[]{127, 0, 0, 1}),
                8080);
        assertEquals("127.0.0.1", ClientAddress.peer(resolved));
        assertEquals("somewhere.invalid", ClientAddress.peer(InetSocketAddress.createUnresolved("somewhere.invalid", 1)));
        assertEquals("null", ClientAddress.peer(null));
    }

    @Test
    void atTheEdgeTheCallersForwardedProtoAndHostAreReplaced() {
        MutableHttpHeaders headers = headers("X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example",
                "Host", "dojo.example");
        ForwardedHeaders.apply(headers, "10.0.0.1", false, false);
        assertEquals("10.0.0.1", headers.get("X-Forwarded-For"));
        assertEquals("http", headers.get("X-Forwarded-Proto"));
        assertEquals("dojo.example", headers.get("X-Forwarded-Host"));
    }

    @Test
    void aTlsConnectionIsHttps() {
        MutableHttpHeaders headers = headers("X-Forwarded-Proto", "http", "Host", "dojo.example");
        ForwardedHeaders.apply(headers, "10.0.0.1", true, false);
        assertEquals("https", headers.get("X-Forwarded-Proto"));
    }

    @Test
    void behindATrustedProxyItsForwardedProtoAndHostAreKept() {
        MutableHttpHeaders headers = headers("X-Forwarded-Proto", "https", "X-Forwarded-Host", "dojo.example",
                "Host", "internal:8080");
        ForwardedHeaders.apply(headers, "1.1.1.1, 10.0.0.1", false, true);
        assertEquals("1.1.1.1, 10.0.0.1", headers.get("X-Forwarded-For"));
        assertEquals("https", headers.get("X-Forwarded-Proto"));
        assertEquals("dojo.example", headers.get("X-Forwarded-Host"));

        MutableHttpHeaders bare = headers("Host", "internal:8080");
        ForwardedHeaders.apply(bare, "10.0.0.1", false, true);
        assertEquals("http", bare.get("X-Forwarded-Proto"));
        assertEquals("internal:8080", bare.get("X-Forwarded-Host"));
    }

    @Test
    void withoutAHostNoForwardedHostIsSent() {
        MutableHttpHeaders headers = headers("X-Forwarded-Host", "evil.example");
        ForwardedHeaders.apply(headers, "10.0.0.1", false, false);
        assertNull(headers.get("X-Forwarded-Host"));
    }

    @Test
    void hopByHopHeadersAndTheOnesConnectionNamesAreStripped() {
        MutableHttpHeaders headers = headers("Connection", "close, X-Secret , keep-alive,,", "Connection", "X-Other",
                "X-Secret", "1", "X-Other", "2", "X-Kept", "3", "Keep-Alive", "timeout=5", "Proxy-Connection", "x",
                "Proxy-Authenticate", "x", "Proxy-Authorization", "x", "TE", "trailers", "Trailer", "x",
                "Upgrade", "h2c", "Close", "stays");
        HopByHopHeaders.strip(headers);
        for (String name : List.of("Connection", "X-Secret", "X-Other", "Keep-Alive", "Proxy-Connection",
                "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Upgrade")) {
            assertNull(headers.get(name), name);
        }
        assertEquals("3", headers.get("X-Kept"));
        // "close" in Connection is an option, not the name of a header to drop
        assertEquals("stays", headers.get("Close"));
    }

    @Test
    void aPlainConnectionOptionDropsNothingElse() {
        MutableHttpHeaders headers = headers("Connection", "Keep-Alive", "Keep-Alive", "timeout=5", "X-Kept", "1");
        HopByHopHeaders.strip(headers);
        assertNull(headers.get("Connection"));
        assertEquals("1", headers.get("X-Kept"));
    }

    @Test
    void failuresAreClassifiedByTheirFirstKnownCause() {
        assertEquals(UpstreamFailure.TIMEOUT, UpstreamFailure.classify(ReadTimeoutException.TIMEOUT_EXCEPTION));
        assertEquals(UpstreamFailure.TIMEOUT, UpstreamFailure.classify(new RuntimeException(new TimeoutException())));
        assertEquals(UpstreamFailure.UNAVAILABLE, UpstreamFailure.classify(new ConnectException()));
        assertEquals(UpstreamFailure.UNAVAILABLE, UpstreamFailure.classify(new NoRouteToHostException()));
        assertEquals(UpstreamFailure.UNAVAILABLE, UpstreamFailure.classify(new UnknownHostException()));
        assertEquals(UpstreamFailure.UNAVAILABLE,
                UpstreamFailure.classify(new IOException(new ConnectTimeoutException("slow"))));
        assertEquals(UpstreamFailure.BAD_GATEWAY, UpstreamFailure.classify(new IOException("reset")));
        assertEquals(UpstreamFailure.BAD_GATEWAY, UpstreamFailure.classify(null));
    }

    @Test
    void eachKindHasItsStatusAndNamesTheService() {
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, UpstreamFailure.UNAVAILABLE.status());
        assertEquals(HttpStatus.GATEWAY_TIMEOUT, UpstreamFailure.TIMEOUT.response("eval").getStatus());
        assertEquals(HttpStatus.BAD_GATEWAY, UpstreamFailure.BAD_GATEWAY.response("eval").getStatus());
        assertTrue(UpstreamFailure.TIMEOUT.response("eval").getBody().orElseThrow().toString().contains("eval"));
        assertFalse(UpstreamFailure.UNAVAILABLE.body("users").toString().contains("eval"));
    }

    @Test
    void aCallersFaultIsFoundWhereverItSitsInTheCauseChain() {
        // a request that is not on a live Netty channel: its caller is gone when the body ended early
        HttpRequest<?> gone = HttpRequest.GET("/users");
        Throwable wrapped = new IllegalStateException("stream failed",
                new RuntimeException(new EOFException("Connection closed before full body was received")));
        var answer = GatewayFilter.callersFault(gone, wrapped);
        assertEquals(HttpStatus.BAD_REQUEST, answer.getStatus());
        assertEquals("close", answer.getHeaders().get("Connection"));
        var tooLarge = GatewayFilter.callersFault(gone,
                new RuntimeException(new RuntimeException(new ContentLengthExceededException(10, 11))));
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge.getStatus());
        assertNull(GatewayFilter.callersFault(gone, new IOException("reset")));
        assertNull(GatewayFilter.callersFault(gone, new RuntimeException("service failed")));
    }
}
