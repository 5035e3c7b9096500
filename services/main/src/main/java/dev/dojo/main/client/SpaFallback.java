package dev.dojo.main.client;

import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.envelope.Messages;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.server.types.files.StreamedFile;

import java.util.Optional;

/**
 * Client-side routes (/login, /exercises/3…) exist only in the browser: a GET (or HEAD) for HTML that matches no
 * server route gets the SPA's index.html so React Router can render it; everything else keeps its JSON 404. For a
 * GET or HEAD either answer depends on the caller's {@code Accept}, and says so ({@code Vary: Accept}): a shared
 * cache that kept one and handed it to the other kind of caller would give browsers a JSON 404 for a client route
 * (or an API caller the page) until it expired.
 */
@Controller
public class SpaFallback {

    private final ResourceResolver resources;

    public SpaFallback(ResourceResolver resources) {
        this.resources = resources;
    }

    @io.micronaut.http.annotation.Error(status = HttpStatus.NOT_FOUND, global = true)
    public HttpResponse<?> notFound(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            return null;
        }
        boolean wantsHtml = request.getHeaders().accept().stream().anyMatch(SpaFallback::html);
        Optional<StreamedFile> index = wantsHtml
                ? resources.getResource("classpath:META-INF/resources/client/index.html").map(StreamedFile::new)
                : Optional.empty();
        MutableHttpResponse<?> answer = index.<MutableHttpResponse<?>>map(file -> HttpResponse.ok(file)
                        .contentType(MediaType.TEXT_HTML_TYPE))
                .orElseGet(() -> HttpResponse.notFound(Envelope.fail(Messages.NOT_FOUND)));
        return answer.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    /** {@code text/html} or {@code text/*}; not the range of every type, which API callers such as curl send. */
    private static boolean html(MediaType range) {
        return range.getType().equalsIgnoreCase("text") && range.matchesSubtype("html");
    }
}
