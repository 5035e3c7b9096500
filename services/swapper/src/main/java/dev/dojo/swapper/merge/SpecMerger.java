package dev.dojo.swapper.merge;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' specs into one document for the whole API as the gateway exposes it.
 *
 * <p>Paths are disjoint by construction (the contract check in the build proves each one is routed to exactly the
 * service documenting it), so they are copied as they are. Components may clash: two services may both define an
 * {@code Envelope} schema or a {@code bearerAuth} scheme. Identical definitions are kept once; a differing one is
 * renamed {@code <service>_<name>} in that service's part and every reference to it follows. A service's global
 * {@code security} is pushed down into its operations, because the merged document has no single global rule.
 */
@Singleton
public class SpecMerger {

    private static final Logger LOG = LoggerFactory.getLogger(SpecMerger.class);
    private static final String REF_PREFIX = "#/components/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** One service's spec, tree form. */
    public record Part(String service, Map<String, Object> spec) {
    }

    public Map<String, Object> merge(Map<String, Object> info, List<Map<String, Object>> servers, List<Part> parts) {
        Map<String, Object> paths = new LinkedHashMap<>();
        Map<String, Map<String, Object>> components = new LinkedHashMap<>();
        Map<String, Map<String, Object>> tags = new LinkedHashMap<>();
        Set<String> operationIds = new HashSet<>();
        String version = "3.0.1";
        for (Part part : parts) {
            Map<String, Object> spec = deepCopy(part.spec());
            if (spec.get("openapi") instanceof String v) {
                version = v;
            }
            pushDownSecurity(spec);
            uniqueOperationIds(part.service(), spec, operationIds);
            Map<String, Map<String, String>> renames = collisions(part.service(), spec, components);
            if (!renames.isEmpty()) {
                applyRenames(spec, renames);
            }
            mapOf(spec.get("components")).forEach((section, entries) ->
                    components.computeIfAbsent(section, s -> new LinkedHashMap<>()).putAll(mapOf(entries)));
            mapOf(spec.get("paths")).forEach((path, item) -> {
                if (paths.putIfAbsent(path, item) != null) {
                    LOG.warn("path {} documented by more than one service; keeping the first ({} ignored)", path, part.service());
                }
            });
            listOf(spec.get("tags")).forEach(tag -> {
                Map<String, Object> t = mapOf(tag);
                if (t.get("name") instanceof String name) {
                    tags.putIfAbsent(name, t);
                }
            });
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        merged.put("openapi", version);
        merged.put("info", info);
        merged.put("servers", servers);
        if (!tags.isEmpty()) {
            merged.put("tags", new ArrayList<>(tags.values()));
        }
        merged.put("paths", paths);
        if (!components.isEmpty()) {
            merged.put("components", components);
        }
        return merged;
    }

    /** Component names of {@code spec} already taken by a different definition → their new names. */
    private static Map<String, Map<String, String>> collisions(String service, Map<String, Object> spec,
                                                               Map<String, Map<String, Object>> taken) {
        Map<String, Map<String, String>> renames = new LinkedHashMap<>();
        mapOf(spec.get("components")).forEach((section, entries) -> {
            Map<String, Object> existing = taken.getOrDefault(section, Map.of());
            mapOf(entries).forEach((name, definition) -> {
                if (existing.containsKey(name) && !existing.get(name).equals(definition)) {
                    renames.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(name, service + "_" + name);
                }
            });
        });
        return renames;
    }

    private static void applyRenames(Map<String, Object> spec, Map<String, Map<String, String>> renames) {
        Map<String, Object> components = mapOf(spec.get("components"));
        renames.forEach((section, names) -> {
            Map<String, Object> entries = mapOf(components.get(section));
            Map<String, Object> renamed = new LinkedHashMap<>();
            entries.forEach((name, definition) -> renamed.put(names.getOrDefault(name, name), definition));
            components.put(section, renamed);
        });
        Map<String, String> refs = new LinkedHashMap<>();
        renames.forEach((section, names) -> names.forEach((from, to) ->
                refs.put(REF_PREFIX + section + "/" + from, REF_PREFIX + section + "/" + to)));
        rewrite(spec, refs, renames.getOrDefault("securitySchemes", Map.of()));
    }

    /** Rewrites {@code $ref}s and the scheme names used in {@code security} requirements, everywhere in the tree. */
    @SuppressWarnings("unchecked")
    private static void rewrite(Object node, Map<String, String> refs, Map<String, String> schemes) {
        if (node instanceof Map<?, ?> raw) {
            Map<String, Object> map = (Map<String, Object>) raw;
            for (Map.Entry<String, Object> entry : map.entrySet()) {
                if ("$ref".equals(entry.getKey()) && entry.getValue() instanceof String ref && refs.containsKey(ref)) {
                    entry.setValue(refs.get(ref));
                } else if ("security".equals(entry.getKey()) && entry.getValue() instanceof List<?> requirements) {
                    entry.setValue(requirements.stream().map(r -> renameKeys(mapOf(r), schemes)).toList());
                } else {
                    rewrite(entry.getValue(), refs, schemes);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> rewrite(item, refs, schemes));
        }
    }

    private static Map<String, Object> renameKeys(Map<String, Object> requirement, Map<String, String> names) {
        Map<String, Object> renamed = new LinkedHashMap<>();
        requirement.forEach((name, scopes) -> renamed.put(names.getOrDefault(name, name), scopes));
        return renamed;
    }

    /**
     * Operation ids must be unique across the document (Swagger UI links by them); services name theirs freely
     * ({@code list}, {@code get}), so a repeated one gets the service's name in front.
     */
    private static void uniqueOperationIds(String service, Map<String, Object> spec, Set<String> taken) {
        mapOf(spec.get("paths")).values().forEach(item -> mapOf(item).forEach((method, operation) -> {
            Map<String, Object> op = mapOf(operation);
            if (METHODS.contains(method) && op.get("operationId") instanceof String id) {
                String unique = id;
                for (int n = 2; taken.contains(unique); n++) {
                    unique = taken.contains(service + "_" + id) ? service + "_" + id + "_" + n : service + "_" + id;
                }
                taken.add(unique);
                op.put("operationId", unique);
            }
        }));
    }

    private static void pushDownSecurity(Map<String, Object> spec) {
        Object global = spec.remove("security");
        if (global == null) {
            return;
        }
        mapOf(spec.get("paths")).values().forEach(item -> mapOf(item).forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                mapOf(operation).putIfAbsent("security", deepCopy(global));
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOf(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
    }

    private static List<?> listOf(Object node) {
        return node instanceof List<?> list ? list : List.of();
    }

    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T node) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return (T) copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(deepCopy(item)));
            return (T) copy;
        }
        return node;
    }
}
