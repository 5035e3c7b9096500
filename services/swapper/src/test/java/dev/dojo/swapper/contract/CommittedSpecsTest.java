package dev.dojo.swapper.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Each committed spec (equal to the generated one, see the drift check) is valid OpenAPI 3 on its own: the portal
 * shows each one alone, so e.g. a security requirement must name a scheme the same spec defines, or Swagger UI
 * offers no "Authorize" for it.
 */
class CommittedSpecsTest {

    private static final Path SPECS = Path.of("../../docs/api").toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = {"users", "eval", "main", "swapper"})
    void isValidOpenApi3OnItsOwn(String service) throws IOException {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(Files.readString(SPECS.resolve(service + ".yml")));
        assertNotNull(result.getOpenAPI(), service);
        assertEquals(List.of(), result.getMessages(), "docs/api/" + service + ".yml is not valid OpenAPI 3");
    }

    /** What the parser lets pass but the portal needs: a summary per operation, and defined security schemes. */
    @ParameterizedTest
    @ValueSource(strings = {"users", "eval", "main", "swapper"})
    void documentsEveryOperationAndDefinesTheSchemesItRequires(String service) throws IOException {
        OpenAPI api = new OpenAPIV3Parser().readContents(Files.readString(SPECS.resolve(service + ".yml"))).getOpenAPI();
        Set<String> schemes = api.getComponents() == null || api.getComponents().getSecuritySchemes() == null
                ? Set.of() : api.getComponents().getSecuritySchemes().keySet();
        List<String> problems = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                problems.add(name + " has no summary");
            }
            if (operation.getSecurity() != null) {
                operation.getSecurity().forEach(requirement -> requirement.keySet().stream()
                        .filter(scheme -> !schemes.contains(scheme))
                        .forEach(scheme -> problems.add(name + " requires security scheme '" + scheme
                                + "', which the spec does not define (declare it with @SecurityScheme on a class "
                                + "micronaut-openapi visits, e.g. the Application class)")));
            }
        }));
        assertEquals(List.of(), problems, "docs/api/" + service + ".yml");
    }
}
