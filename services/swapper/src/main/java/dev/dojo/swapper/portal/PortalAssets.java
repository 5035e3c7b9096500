package dev.dojo.swapper.portal;

import dev.dojo.common.caching.PublicCaching;
import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.envelope.Messages;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The portal's static files: Swagger UI from its webjar at {@code /docs/ui/*} and the portal's own script and style
 * at {@code /docs/assets/*}. The webjar's version is written into {@value #WEBJAR_VERSION} by the build (the parent
 * pom's {@code swagger-ui.version}), so upgrading it needs no change here, and a version without its files stops the
 * start. Only plain file names are served: a request never walks the class path.
 */
@Controller(PortalPaths.ROOT)
@Hidden
public class PortalAssets {

    static final String PORTAL_RESOURCES = "portal/";
    /** How long a caller or cache may keep a Swagger UI or portal file (their names carry no version). */
    private static final int CACHE_SECONDS = 3600;
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.(js|css|png|html)");
    static final String WEBJAR_VERSION = "swagger-ui-webjar.properties";

    private final ClassPathResourceLoader resources;
    private final String swaggerUi;

    public PortalAssets(ClassPathResourceLoader resources) {
        this.resources = resources;
        this.swaggerUi = "META-INF/resources/webjars/swagger-ui/" + webjarVersion(resources) + "/";
        if (resources.getResource(swaggerUi + "swagger-ui.css").isEmpty()) {
            throw new IllegalStateException("no Swagger UI files under " + swaggerUi
                    + ": the org.webjars:swagger-ui on the class path is not the version " + WEBJAR_VERSION + " names");
        }
    }

    @Get("/ui/{file}")
    public HttpResponse<?> swaggerUi(String file) {
        return serve(swaggerUi, file);
    }

    @Get("/assets/{file}")
    public HttpResponse<?> portal(String file) {
        return serve(PORTAL_RESOURCES, file);
    }

    private HttpResponse<?> serve(String directory, String file) {
        Optional<URL> resource = FILE.matcher(file).matches() ? resources.getResource(directory + file) : Optional.empty();
        if (resource.isEmpty()) {
            return HttpResponse.notFound(Envelope.fail(Messages.NOT_FOUND));
        }
        MutableHttpResponse<StreamedFile> answer = HttpResponse.ok(new StreamedFile(resource.get()));
        PublicCaching.keep(answer.getHeaders(), CACHE_SECONDS, false);
        return answer;
    }

    private static String webjarVersion(ClassPathResourceLoader resources) {
        return resources.getResourceAsStream(WEBJAR_VERSION).map(in -> {
            try (InputStream stream = in) {
                Properties written = new Properties();
                written.load(stream);
                return written.getProperty("version");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElseThrow(() -> new IllegalStateException(WEBJAR_VERSION + " missing from the class path"));
    }
}
