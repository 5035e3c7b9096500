package dev.dojo.main.client;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.function.BiConsumer;

/**
 * Security headers main puts on what it sends.
 *
 * @param contentSecurityPolicy sent with every HTML page. The default fits what Vite builds: module scripts and
 *                              stylesheets from our own origin, API calls to our own origin. {@code 'unsafe-inline'}
 *                              for styles only, because editor components (CodeMirror and the like) and Swagger UI
 *                              inject {@code <style>} elements and style attributes at run time; scripts stay
 *                              strictly same-origin. The same policy covers swapper's API docs at {@code /docs}:
 *                              Swagger UI's bundle, its icons ({@code data:} images) and its "Try it out" calls to
 *                              our own origin all fit it.
 * @param referrerPolicy        sent with every response
 */
@ConfigurationProperties("dojo.client")
public record ClientSettings(
        @Bindable(defaultValue = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
        String contentSecurityPolicy,
        @Bindable(defaultValue = "strict-origin-when-cross-origin") String referrerPolicy) {

    /**
     * Gives {@code header} the headers every answer of main carries, whoever writes it: {@link ClientHeadersFilter}
     * for what passes Micronaut's filters, the edge's refusals for what is answered below them.
     */
    public void everyAnswer(BiConsumer<String, String> header) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", referrerPolicy);
    }
}
