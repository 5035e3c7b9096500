package dev.dojo.main.routing;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A prefix written with a trailing slash owns the same paths as without one: whole segments, the bare prefix too. */
@MicronautTest
@Property(name = "dojo.routes.hints.prefixes", value = "/hints/")
@Property(name = "micronaut.http.services.hints.url", value = "http://127.0.0.1:1")
class RoutePrefixTest {

    @Inject
    RouteTable routes;

    @Test
    void aTrailingSlashInThePrefixIsNotPartOfIt() {
        for (String path : new String[] {"/hints", "/hints/", "/hints/3"}) {
            assertEquals("hints", routes.find(path).map(Route::name).orElse(null), path);
            assertEquals("/hints".length(), routes.find(path).orElseThrow().match(path), path);
        }
        Optional<Route> other = routes.find("/hintsx");
        assertTrue(other.isEmpty() || !other.get().name().equals("hints"), "/hintsx is not under /hints");
    }
}
