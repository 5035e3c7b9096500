package dev.dojo.main.edge;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How long main waits for a caller, and how many callers' connections it holds.
 *
 * @param headTimeout             from the first byte of a request head to its end: a caller that sends half a head
 *                                and stops is answered 408 and closed; also from a new connection's opening to its
 *                                first byte: a connection that sends nothing is closed
 * @param bodyIdleTimeout         how long a request body may stay silent while main is ready to read it (main's
 *                                own back-pressure, a service slow to take the body, does not count)
 * @param maxConnections          callers' connections held at once; one more is closed at once (0: no cap)
 * @param maxConnectionsPerClient connections one client ({@link ClientNetwork}) holds at once; one more is closed at
 *                                once (0: no cap). Behind a proxy every caller is the proxy's address: raise it or
 *                                set 0 there
 * @param maxConnectionsPerSite   connections the clients of one site (an IPv6 /48, {@link ClientNetwork}) hold at
 *                                once; one more is closed at once (0: no cap)
 */
@ConfigurationProperties("dojo.edge")
public record EdgeSettings(
        @Bindable(defaultValue = "10s") Duration headTimeout,
        @Bindable(defaultValue = "10s") Duration bodyIdleTimeout,
        @Bindable(defaultValue = "10000") int maxConnections,
        @Bindable(defaultValue = "256") int maxConnectionsPerClient,
        @Bindable(defaultValue = "1024") int maxConnectionsPerSite) {
}
