package dev.dojo.main.proxy;

import dev.dojo.main.routing.GatewaySettings;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

/**
 * Who is calling, for {@code X-Forwarded-For} and rate limits. At the edge that is the socket's peer: a caller's
 * own {@code X-Forwarded-For} is ignored so it cannot dodge a rate limit. Behind a trusted proxy
 * ({@code dojo.gateway.trust-forwarded-headers}), it is the address that proxy appended last.
 */
@Singleton
public class ClientAddress {

    private final boolean trustForwardedHeaders;

    public ClientAddress(GatewaySettings settings) {
        this.trustForwardedHeaders = settings.trustForwardedHeaders();
    }

    public String of(HttpRequest<?> request) {
        if (trustForwardedHeaders) {
            List<String> forwarded = request.getHeaders().getAll(ForwardedHeaders.FOR);
            if (!forwarded.isEmpty()) {
                String last = forwarded.get(forwarded.size() - 1);
                String[] hops = last.split(",");
                String hop = hops[hops.length - 1].trim();
                if (!hop.isEmpty()) {
                    return hop;
                }
            }
        }
        return peer(request.getRemoteAddress());
    }

    /**
     * The {@code X-Forwarded-For} chain to send on: the trusted chain plus this hop, or just the peer.
     *
     * @param headers the caller's headers
     * @param peer    the caller's socket address, as {@link #peer} gives it
     */
    public String forwardedFor(HttpHeaders headers, String peer) {
        if (trustForwardedHeaders) {
            List<String> forwarded = headers.getAll(ForwardedHeaders.FOR);
            if (!forwarded.isEmpty()) {
                return String.join(", ", forwarded) + ", " + peer;
            }
        }
        return peer;
    }

    /** The address of a caller's socket as text. */
    public static String peer(SocketAddress address) {
        if (address instanceof InetSocketAddress remote) {
            return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        }
        return String.valueOf(address);
    }
}
