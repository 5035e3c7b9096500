package dev.dojo.main.client;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.server.types.files.StreamedFile;

import java.util.Optional;

/**
 * Client-side routes (/login, /exercises/3…) exist only in the browser: a GET (or HEAD) for HTML that matches no
 * server route gets the SPA's index.html so React Router can render it; everything else keeps its JSON 404.
 */
@Controller
public class SpaFallback {

    private final ResourceResolver resources;

    public SpaFallback(ResourceResolver resources) {
        this.resources = resources;
    }

    @io.micronaut.http.annotation.Error(status = HttpStatus.NOT_FOUND, global = true)
    public HttpResponse<?> notFound(HttpRequest<?> request) {
        boolean wantsHtml = request.getHeaders().accept().stream().anyMatch(SpaFallback::html);
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD || !wantsHtml) {
            return null;
        }
        Optional<StreamedFile> index = resources.getResource("classpath:META-INF/resources/client/index.html")
                .map(url -> new StreamedFile(url));
        return index.<HttpResponse<?>>map(file -> HttpResponse.ok(file).contentType(MediaType.TEXT_HTML_TYPE))
                .orElse(null);
    }

    /** {@code text/html} or {@code text/*}; not the range of every type, which API callers such as curl send. */
    private static boolean html(MediaType range) {
        return range.getType().equalsIgnoreCase("text") && range.matchesSubtype("html");
    }
}
