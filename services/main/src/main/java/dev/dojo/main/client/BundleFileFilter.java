package dev.dojo.main.client;

import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.envelope.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.resource.StaticResourceResolver;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Holds the client bundle main serves (Micronaut's static resources, {@code micronaut.router.static-resources})
 * to the rules main's routes follow. Micronaut answers a file for any method, so {@code DELETE /favicon.ico} got
 * 200 and the icon; and it answers a directory of the bundle ({@code /assets}, {@code /assets/}) as an empty
 * 200 — which {@link ClientHeadersFilter} then marked cacheable for a year. Here a file answers only GET and
 * HEAD (405 with {@code Allow} otherwise) and a directory is not found (404), in the contract's envelope.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class BundleFileFilter implements Ordered {

    static final String ALLOWED = "GET, HEAD";

    private final StaticResourceResolver bundle;

    public BundleFileFilter(StaticResourceResolver bundle) {
        this.bundle = bundle;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> rules(HttpRequest<?> request) {
        // a route of main's own is not the bundle's (nor is a proxied call: the gateway answered it before this filter)
        if (RouteAttributes.getRouteMatch(request).isPresent()) {
            return null;
        }
        Optional<URL> file = bundle.resolve(request.getUri().getPath());
        if (file.isEmpty()) {
            return null;
        }
        if (isDirectory(file.get())) {
            return HttpResponse.notFound(Envelope.fail(Messages.NOT_FOUND));
        }
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return HttpResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, ALLOWED)
                    .body(Envelope.fail(Messages.METHOD_NOT_ALLOWED));
        }
        return null;
    }

    /** A bundle read from a jar (the packaged main) or from a directory (a module's build output in tests). */
    static boolean isDirectory(URL resource) {
        try {
            if ("file".equals(resource.getProtocol())) {
                return Files.isDirectory(Path.of(resource.toURI()));
            }
            URLConnection connection = resource.openConnection();
            return connection instanceof JarURLConnection jar && jar.getJarEntry().isDirectory();
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            // a resource that cannot be read as a file is no file to serve
            return true;
        }
    }

    @Override
    public int getOrder() {
        // after the gateway (order 0), which answers every proxied call itself
        return 100;
    }
}
