package dev.dojo.swapper.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract between main's route table and the services' specs: no dead and no undocumented routes.
 * <ul>
 *   <li>every prefix main proxies is documented: the spec of the service it routes to has a path equal to the
 *       prefix or under it ({@code /docs} is documented by swapper's own spec, like any other service);</li>
 *   <li>every path a proxied service documents is reachable through main, and routed to that same service
 *       (longest matching prefix);</li>
 *   <li>main's own documented paths ({@code /health/**}) are not shadowed by a proxied prefix.</li>
 * </ul>
 */
final class RouteContract {

    /** One entry of {@code dojo.routes}: the service it proxies to and the path prefixes it owns. */
    record Route(String service, List<String> prefixes) {
    }

    private RouteContract() {
    }

    /**
     * @param routes main's route table
     * @param specs  service name → the paths its spec documents; must include {@code main}
     * @return every violation, in words; empty when the contract holds
     */
    static List<String> violations(List<Route> routes, Map<String, Set<String>> specs) {
        List<String> violations = new ArrayList<>();
        for (Route route : routes) {
            Set<String> documented = specs.get(route.service());
            if (documented == null) {
                violations.add("main routes " + route.prefixes() + " to " + route.service() + ", which has no committed spec");
                continue;
            }
            for (String prefix : route.prefixes()) {
                if (documented.stream().noneMatch(path -> under(path, prefix))) {
                    violations.add("dead or undocumented route: main proxies " + prefix + " to " + route.service()
                            + ", whose spec documents nothing under it");
                }
            }
        }
        specs.forEach((service, paths) -> {
            for (String path : paths) {
                Optional<Route> owner = owner(routes, path);
                if (service.equals("main")) {
                    owner.ifPresent(route -> violations.add("main documents " + path
                            + " but proxies it to " + route.service()));
                } else if (owner.isEmpty()) {
                    violations.add(service + " documents " + path + ", which main does not route anywhere");
                } else if (!owner.get().service().equals(service)) {
                    violations.add(service + " documents " + path + ", but main routes it to " + owner.get().service());
                }
            }
        });
        return violations;
    }

    private static Optional<Route> owner(List<Route> routes, String path) {
        return routes.stream()
                .flatMap(route -> route.prefixes().stream().filter(prefix -> under(path, prefix))
                        .map(prefix -> Map.entry(prefix.length(), route)))
                .max(Comparator.comparingInt(Map.Entry::getKey))
                .map(Map.Entry::getValue);
    }

    static boolean under(String path, String prefix) {
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return path.equals(p) || path.startsWith(p + "/");
    }
}
