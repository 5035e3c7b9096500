package dev.dojo.swapper.spec;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where the specs come from and how long a fetched copy counts as fresh.
 *
 * @param publicUrl       the gateway URL the browser uses (main); every served spec names it as its only server so
 *                        that "Try it out" goes through main, never to a service's own port
 * @param services        service name → base URL; swapper fetches {@code <url>/swagger/<name>.yml}
 * @param cacheTtl        a copy younger than this is served without asking the service again
 * @param fetchTimeout    connect and read timeout of one fetch: a hung service must not hang the portal
 * @param refreshInterval how often every spec is fetched in the background, so a last good copy exists even for a
 *                        service that goes down before anyone opened the portal
 * @param startupGrace    how long after swapper's start a service never reached counts as still starting (logged
 *                        at debug only); past it, a warning. The launcher sets it to its own ready timeout.
 */
@ConfigurationProperties("dojo.docs")
public record DocsSettings(
        @Bindable(defaultValue = "http://localhost:8080") URI publicUrl,
        Map<String, URI> services,
        @Bindable(defaultValue = "10s") Duration cacheTtl,
        @Bindable(defaultValue = "3s") Duration fetchTimeout,
        @Bindable(defaultValue = "30s") Duration refreshInterval,
        @Bindable(defaultValue = "120s") Duration startupGrace) {

    public DocsSettings {
        services = services == null ? Map.of() : Map.copyOf(services);
    }
}
