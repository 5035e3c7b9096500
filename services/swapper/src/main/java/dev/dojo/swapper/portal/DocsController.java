package dev.dojo.swapper.portal;

import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.envelope.Messages;
import dev.dojo.swapper.spec.ServiceSpec;
import dev.dojo.swapper.spec.SpecCatalog;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/**
 * The API docs portal: Swagger UI over every service's spec, the specs themselves (fetched by swapper, so the
 * browser only ever talks to the gateway) and the merged spec of the whole API. Fetching may block on a slow
 * service, hence the blocking executor.
 */
@Controller(PortalPaths.ROOT)
@Tag(name = "docs", description = "The API docs portal")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DocsController {

    private static final String YAML = "application/yaml";
    private static final String YAML_UTF8 = YAML + ";charset=utf-8";
    private static final String NO_STORE = "no-store";

    private final SpecCatalog catalog;
    private final PortalSpecs specs;
    private final PortalPage page;

    public DocsController(SpecCatalog catalog, PortalSpecs specs, PortalPage page) {
        this.catalog = catalog;
        this.specs = specs;
        this.page = page;
    }

    @Get(produces = MediaType.TEXT_HTML)
    @Operation(summary = "The portal: Swagger UI with a selector of every service's spec",
            responses = @ApiResponse(responseCode = "200", description = "The portal page",
                    content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string"))))
    public HttpResponse<String> portal() {
        return HttpResponse.ok(page.html()).header(HttpHeaders.CACHE_CONTROL, NO_STORE);
    }

    @Get(uri = "/services", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Every documented service and whether its spec is live, a cached copy or missing")
    public Envelope<PortalServices> services() {
        List<PortalService> services = catalog.all().stream().map(PortalService::of).toList();
        return Envelope.data(new PortalServices(PortalPaths.MERGED, services));
    }

    @Get(uri = "/openapi.yml", produces = YAML)
    @Operation(summary = "The merged spec of the whole API, served through the gateway",
            description = "Every available service's spec (or its last good copy) in one OpenAPI 3 document whose "
                    + "only server is the public gateway URL.",
            responses = @ApiResponse(responseCode = "200", description = "The merged spec",
                    content = @Content(mediaType = YAML, schema = @Schema(type = "string"))))
    public HttpResponse<String> merged() {
        return HttpResponse.ok(specs.merged()).contentType(YAML_UTF8).header(HttpHeaders.CACHE_CONTROL, NO_STORE);
    }

    @Get(uri = "/specs/{service}.yml", produces = YAML)
    @Operation(summary = "One service's spec, with the public gateway URL as its server",
            description = "Served from the last good copy (header X-Dojo-Spec-Source: cache) while the service is "
                    + "unavailable.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The spec",
                        content = @Content(mediaType = YAML, schema = @Schema(type = "string"))),
                @ApiResponse(responseCode = "404", description = "No such service",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Envelope.class))),
                @ApiResponse(responseCode = "503", description = "The service is unavailable and no copy was ever fetched",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Envelope.class)))
            })
    public HttpResponse<?> spec(@Parameter(description = "service name, e.g. users") String service) {
        if (!catalog.knows(service)) {
            return HttpResponse.notFound(Envelope.fail(Messages.NOT_FOUND)).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        ServiceSpec spec = catalog.get(service);
        if (!spec.hasSpec()) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Envelope.error("The " + service + " spec is unavailable."))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(specs.single(spec))
                .contentType(YAML_UTF8)
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .header(PortalPaths.SOURCE_HEADER, spec.available() ? "live" : "cache");
    }
}
