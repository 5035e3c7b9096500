package dev.dojo.swapper.portal;

import java.nio.file.Path;

/** The specs committed under docs/api: the real services' APIs, used as test data. */
final class CommittedSpecs {

    static final Path DIR = Path.of("../../docs/api").toAbsolutePath().normalize();

    private CommittedSpecs() {
    }

    static Path of(String service) {
        return DIR.resolve(service + ".yml");
    }
}
