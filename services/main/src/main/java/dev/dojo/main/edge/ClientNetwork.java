package dev.dojo.main.edge;

import io.micronaut.core.annotation.Nullable;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What the edge counts as one client — for a rate limit's budget and a connection cap: the addresses one caller
 * can switch between at will count as one.
 * An IPv6 caller is its /64 network (the smallest block a host is given; it can pick any of its 2^64 addresses per
 * connection), every loopback address — 127.0.0.0/8 and ::1 — is the one local host, and an IPv4 address is itself.
 * Without this a local caller binding 127.0.0.2, 127.0.0.3… or connecting over ::1 got a fresh budget each time.
 * <p>
 * An IPv6 client also belongs to a <em>site</em>, its /48: what one customer or organisation is given, and what a
 * tunnel broker hands anyone for free — 65,536 /64s, each of which would otherwise be a client with its own budget
 * and connections. The site has caps of its own, above a client's (ADR 0072). An IPv4 address, the loopback host
 * and anything that is not an address are their own site (no separate site).
 * <p>
 * Only address literals are read (never resolved: no DNS lookup for a forwarded hop); anything else counts as
 * itself.
 */
public final class ClientNetwork {

    /**
     * A dotted-quad IPv4 literal, or IPv6 literal characters with a colon: {@link InetAddress#getByName} parses
     * either without a lookup (a colon makes it refuse what is not an IPv6 literal instead of resolving it).
     */
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");
    private static final int IPV6_CLIENT_BYTES = 8;
    private static final int IPV6_SITE_BYTES = 6;

    private ClientNetwork() {
    }

    /**
     * A caller as the edge counts it.
     *
     * @param client what it can switch between at will
     * @param site   the IPv6 /48 its client is one of, or null where the client is the whole site
     */
    public record Caller(String client, @Nullable String site) {
    }

    /** The caller {@code address} (a literal, as a socket's peer or a trusted forwarded hop gives it) is. */
    public static Caller callerOf(String address) {
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (literal.length() > 45 || !LITERAL.matcher(literal).matches()) {
            return new Caller(address, null);
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(literal);
        } catch (UnknownHostException | IllegalArgumentException notAnAddress) {
            return new Caller(address, null);
        }
        return callerOf(parsed);
    }

    /** The caller a connection's peer {@code address} is. */
    public static Caller callerOf(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return new Caller("loopback", null);
        }
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            return new Caller(prefix(bytes, IPV6_CLIENT_BYTES) + "::/64", prefix(bytes, IPV6_SITE_BYTES) + "::/48");
        }
        return new Caller(address.getHostAddress(), null);
    }

    private static String prefix(byte[] address, int bytes) {
        return HexFormat.of().formatHex(address, 0, bytes);
    }
}
