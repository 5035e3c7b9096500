package dev.dojo.main.edge;

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
 * Only address literals are read (never resolved: no DNS lookup for a forwarded hop); anything else counts as
 * itself.
 */
public final class ClientNetwork {

    /**
     * A dotted-quad IPv4 literal, or IPv6 literal characters with a colon: {@link InetAddress#getByName} parses
     * either without a lookup (a colon makes it refuse what is not an IPv6 literal instead of resolving it).
     */
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");
    private static final int IPV6_NETWORK_BYTES = 8;

    private ClientNetwork() {
    }

    /** The client {@code address} (a literal, as a socket's peer or a trusted forwarded hop gives it) belongs to. */
    public static String of(String address) {
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (literal.length() > 45 || !LITERAL.matcher(literal).matches()) {
            return address;
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(literal);
        } catch (UnknownHostException | IllegalArgumentException notAnAddress) {
            return address;
        }
        return of(parsed);
    }

    /** The client a connection's peer {@code address} belongs to. */
    public static String of(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address instanceof Inet6Address) {
            byte[] network = new byte[IPV6_NETWORK_BYTES];
            System.arraycopy(address.getAddress(), 0, network, 0, IPV6_NETWORK_BYTES);
            return HexFormat.of().formatHex(network) + "::/64";
        }
        return address.getHostAddress();
    }
}
