package dev.dojo.common.caching;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpHeaders;

/**
 * An answer that browsers and shared caches may keep for a while: {@code Cache-Control: public, max-age=…} and an
 * {@code Expires} at the same instant, for an HTTP/1.0 cache, which reads only that. Without one of ours, Micronaut
 * writes its own {@code Expires} into a file answer (now + its file cache-seconds) whatever the max-age says.
 */
public final class PublicCaching {

    private PublicCaching() {
    }

    /**
     * Kept {@code seconds}; {@code immutable}: never revalidated within them (a name that changes with its content).
     */
    public static void keep(MutableHttpHeaders headers, int seconds, boolean immutable) {
        headers.set(HttpHeaders.CACHE_CONTROL, "public, max-age=" + seconds + (immutable ? ", immutable" : ""));
        headers.remove(HttpHeaders.EXPIRES).expires(System.currentTimeMillis() + seconds * 1000L);
    }
}
