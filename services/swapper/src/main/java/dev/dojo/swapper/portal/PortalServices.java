package dev.dojo.swapper.portal;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The data of {@code GET /docs/services}.
 *
 * @param merged   URL of the merged spec of the whole API
 * @param services every documented service, available or not
 */
@Serdeable
@Schema(name = "PortalServices")
public record PortalServices(String merged, List<PortalService> services) {
}
