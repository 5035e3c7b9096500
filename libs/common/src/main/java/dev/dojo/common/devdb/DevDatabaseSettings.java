package dev.dojo.common.devdb;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The embedded PostgreSQL a service gets when it runs alone with no {@code datasources.default.url}.
 *
 * @param enabled  {@code dojo.devdb.enabled} (env {@code DOJO_DEVDB_ENABLED}); false → a missing URL stays an error
 * @param dataDir  where the cluster lives across runs; default {@code <repo>/.dojo/standalone/<service>}
 */
@ConfigurationProperties("dojo.devdb")
public record DevDatabaseSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Nullable String dataDir) {
}
