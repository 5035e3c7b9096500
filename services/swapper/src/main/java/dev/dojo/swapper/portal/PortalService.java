package dev.dojo.swapper.portal;

import dev.dojo.swapper.spec.ServiceSpec;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One entry of the portal's spec selector.
 *
 * @param name      the service
 * @param specUrl   where the browser loads its spec (always through swapper, never from the service's own port)
 * @param available whether the service answered the last fetch
 * @param cached    true when the spec served is the last good copy of a service that is now unavailable
 * @param fetchedAt when the spec served was fetched (ISO-8601), null if never
 * @param error     why the service is unavailable
 */
@Serdeable
@Schema(name = "PortalService", description = "A documented service and the state of its spec")
public record PortalService(String name, String specUrl, boolean available, boolean cached,
                            @Nullable String fetchedAt, @Nullable String error) {

    static PortalService of(ServiceSpec spec) {
        return new PortalService(spec.name(), PortalPaths.specUrl(spec.name()), spec.available(),
                !spec.available() && spec.hasSpec(),
                spec.fetchedAt() == null ? null : spec.fetchedAt().toString(),
                spec.error());
    }
}
