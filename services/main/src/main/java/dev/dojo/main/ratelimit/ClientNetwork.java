package dev.dojo.main.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What a rate limit counts as one client: the addresses one caller can switch between at will share a budget.
 * An IPv6 caller is its /64 network (the smallest block a host is given; it can pick any of its 2^64 addresses per
 * connection), every loopback address — 127.0.0.0/8 and ::1 — is the one local host, and an IPv4 address is itself.
 * Without this a local caller binding 127.0.0.2, 127.0.0.3… or connecting over ::1 got a fresh budget each time.
 * Only address literals are read (never resolved: no DNS lookup for a forwarded hop); anything else counts as
 * itself.
 */
final class ClientNetwork {

    /**
     * A dotted-quad IPv4 literal, or IPv6 literal characters with a colon: {@link InetAddress#getByName} parses
     * either without a lookup (a colon makes it refuse what is not an IPv6 literal instead of resolving it).
     */
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");
    private static final int IPV6_NETWORK_BYTES = 8;

    private ClientNetwork() {
    }

    static String of(String address) {
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
        if (parsed.isLoopbackAddress()) {
            return "loopback";
        }
        if (parsed instanceof Inet6Address) {
            byte[] network = new byte[IPV6_NETWORK_BYTES];
            System.arraycopy(parsed.getAddress(), 0, network, 0, IPV6_NETWORK_BYTES);
            return HexFormat.of().formatHex(network) + "::/64";
        }
        return parsed.getHostAddress();
    }
}
