package dev.dojo.swapper.portal;

import io.micronaut.core.io.scan.ClassPathResourceLoader;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The portal's HTML page. It is static: the page's script asks {@code /docs/services} which specs exist and which
 * services are down, so the selector is built at runtime in the browser.
 */
@Singleton
public class PortalPage {

    private final String html;

    public PortalPage(ClassPathResourceLoader resources) {
        this.html = resources.getResourceAsStream(PortalAssets.PORTAL_RESOURCES + "index.html").map(in -> {
            try (InputStream stream = in) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElseThrow(() -> new IllegalStateException("portal page missing from the class path"));
    }

    public String html() {
        return html;
    }
}
