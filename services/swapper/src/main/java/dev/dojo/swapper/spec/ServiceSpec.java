package dev.dojo.swapper.spec;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * What swapper knows about one service's spec at a moment.
 *
 * @param name      the service
 * @param available whether the last attempt to fetch the spec succeeded
 * @param spec      the last good spec (live or cached), or null if none was ever fetched
 * @param fetchedAt when {@code spec} was fetched
 * @param error     why the last attempt failed, when it did
 */
public record ServiceSpec(String name, boolean available, @Nullable Map<String, Object> spec,
                          @Nullable Instant fetchedAt, @Nullable String error) {

    public boolean hasSpec() {
        return spec != null;
    }
}
