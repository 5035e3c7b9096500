package dev.dojo.common.openapi;

import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.envelope.Messages;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Serves the OpenAPI spec that micronaut-openapi generated for this service at compile time
 * ({@code META-INF/swagger/<service>.yml}, named by the module's {@code openapi.properties}) at
 * {@code GET /swagger/<service>.yml}. It lives here so that no service needs static-resource configuration for it;
 * swapper fetches these files to build the docs portal. Anonymous access under security comes from
 * {@link dev.dojo.common.security.PublicEndpointsRule}, which opens {@code /swagger/**}.
 *
 * <p>Only the service's own spec is served (the name is {@code micronaut.application.name}, overridable with
 * {@code dojo.openapi.spec-name}): the file is read once, so a request never touches the class path by a name the
 * caller chose.
 */
@Controller("/swagger")
@Hidden
public class OpenApiSpecController {

    /** The registered media type for YAML (RFC 9512). */
    public static final String APPLICATION_YAML = "application/yaml";

    private final String fileName;
    private final Optional<byte[]> spec;

    public OpenApiSpecController(ApplicationConfiguration application,
                                 @Nullable @Property(name = "dojo.openapi.spec-name") String specName,
                                 ClassPathResourceLoader resources) {
        String name = specName != null ? specName : application.getName().orElse("application");
        this.fileName = name + ".yml";
        this.spec = read(resources, "META-INF/swagger/" + fileName);
    }

    @Get(uri = "/{file}", produces = APPLICATION_YAML)
    public HttpResponse<?> spec(String file) {
        if (!fileName.equals(file) || spec.isEmpty()) {
            return HttpResponse.notFound(Envelope.fail(Messages.NOT_FOUND)).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(spec.get()).contentType(APPLICATION_YAML + ";charset=utf-8");
    }

    private static Optional<byte[]> read(ClassPathResourceLoader resources, String resource) {
        Optional<InputStream> found = resources.getResourceAsStream(resource);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = found.get()) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
