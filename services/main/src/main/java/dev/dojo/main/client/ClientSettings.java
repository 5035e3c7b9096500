package dev.dojo.main.client;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Headers for the client bundle main serves itself.
 *
 * @param contentSecurityPolicy sent with every HTML page. The default fits what Vite builds: module scripts and
 *                              stylesheets from our own origin, API calls to our own origin. {@code 'unsafe-inline'}
 *                              for styles only, because editor components (CodeMirror and the like) inject
 *                              {@code <style>} elements at run time; scripts stay strictly same-origin.
 * @param referrerPolicy        sent with every response main serves itself
 */
@ConfigurationProperties("dojo.client")
public record ClientSettings(
        @Bindable(defaultValue = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
        String contentSecurityPolicy,
        @Bindable(defaultValue = "strict-origin-when-cross-origin") String referrerPolicy) {
}
