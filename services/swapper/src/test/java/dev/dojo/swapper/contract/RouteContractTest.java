package dev.dojo.swapper.contract;

import dev.dojo.swapper.contract.RouteContract.Route;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The build's contract check between main's route table ({@code services/main/src/main/resources/application.yml},
 * {@code dojo.routes}) and the committed specs ({@code docs/api/<service>.yml}, which the drift check keeps equal
 * to the code). See docs/api-docs.md.
 */
class RouteContractTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path MAIN_CONFIG = ROOT.resolve("services/main/src/main/resources/application.yml");
    private static final Path SPECS = ROOT.resolve("docs/api");

    @Test
    void mainsRouteTableAndTheCommittedSpecsAgree() throws IOException {
        List<Route> routes = routeTable();
        Map<String, Set<String>> specs = new LinkedHashMap<>();
        for (Route route : routes) {
            paths(route.service()).ifPresent(paths -> specs.put(route.service(), paths));
        }
        specs.put("main", paths("main").orElseThrow(() -> new AssertionError("docs/api/main.yml missing")));
        List<String> violations = RouteContract.violations(routes, specs);
        if (!violations.isEmpty()) {
            fail("main's route table (" + ROOT.relativize(MAIN_CONFIG) + ") and the committed specs (docs/api) disagree:\n  - "
                    + String.join("\n  - ", violations)
                    + "\nFix the route or the API; after an API change refresh docs/api with docs/api/update.sh.");
        }
    }

    @Test
    void acceptsATableThatMatchesTheSpecs() {
        List<Route> routes = List.of(new Route("users", List.of("/auth", "/users")), new Route("swapper", List.of("/docs")));
        Map<String, Set<String>> specs = Map.of(
                "users", Set.of("/auth/login", "/users", "/users/{id}"),
                "swapper", Set.of("/docs", "/docs/openapi.yml"),
                "main", Set.of("/health", "/health/readiness"));
        assertEquals(List.of(), RouteContract.violations(routes, specs));
    }

    @Test
    void reportsDeadUndocumentedMisroutedAndShadowedPaths() {
        List<Route> routes = List.of(new Route("users", List.of("/auth", "/users", "/ping")),
                new Route("eval", List.of("/exercises", "/health")));
        Map<String, Set<String>> specs = new LinkedHashMap<>();
        specs.put("users", Set.of("/auth/login", "/users", "/usersettings"));
        specs.put("eval", Set.of("/exercises", "/users/{id}/scores"));
        specs.put("main", Set.of("/health"));
        List<String> violations = RouteContract.violations(routes, specs);
        assertEquals(Set.of(
                "dead or undocumented route: main proxies /ping to users, whose spec documents nothing under it",
                "dead or undocumented route: main proxies /health to eval, whose spec documents nothing under it",
                "users documents /usersettings, which main does not route anywhere",
                "eval documents /users/{id}/scores, but main routes it to users",
                "main documents /health but proxies it to eval"), Set.copyOf(violations));
    }

    @SuppressWarnings("unchecked")
    private static List<Route> routeTable() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(MAIN_CONFIG));
        Object table = config.get("dojo") instanceof Map<?, ?> dojo ? dojo.get("routes") : null;
        assertNotNull(table, "main's route table dojo.routes is missing from " + MAIN_CONFIG);
        List<Route> routes = new ArrayList<>();
        ((Map<String, Object>) table).forEach((service, route) -> {
            Object prefixes = ((Map<String, Object>) route).get("prefixes");
            routes.add(new Route(service, ((List<Object>) prefixes).stream().map(String::valueOf).toList()));
        });
        return routes;
    }

    @SuppressWarnings("unchecked")
    private static java.util.Optional<Set<String>> paths(String service) throws IOException {
        Path spec = SPECS.resolve(service + ".yml");
        if (!Files.exists(spec)) {
            return java.util.Optional.empty();
        }
        Map<String, Object> tree = new Yaml().load(Files.readString(spec));
        Map<String, Object> paths = (Map<String, Object>) tree.getOrDefault("paths", Map.of());
        return java.util.Optional.of(paths.keySet());
    }
}
