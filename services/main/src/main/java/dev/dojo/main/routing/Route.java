package dev.dojo.main.routing;

import io.micronaut.http.client.ProxyHttpClient;

import java.net.URI;
import java.util.List;

/**
 * A configured service at run time: its prefixes, the client that streams requests to it, and its circuit.
 *
 * @param name     the service's name
 * @param url      its base URL ({@code micronaut.http.services.<name>.url})
 * @param prefixes path prefixes it owns, without trailing slash
 * @param client   a client bound to {@code url} with the service's timeouts and pool
 * @param circuit  this service's circuit breaker
 */
public record Route(String name, URI url, List<String> prefixes, ProxyHttpClient client, ServiceCircuit circuit) {

    /**
     * The length of the longest prefix owning {@code path}, or -1. A prefix owns itself and what lies below it on a
     * segment boundary: {@code /users} owns {@code /users} and {@code /users/3}, never {@code /usersx}.
     */
    public int match(String path) {
        int longest = -1;
        for (String prefix : prefixes) {
            if (path.startsWith(prefix) && prefix.length() > longest
                    && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                longest = prefix.length();
            }
        }
        return longest;
    }
}
