package dev.dojo.swapper.portal;

import dev.dojo.swapper.merge.SpecMerger;
import dev.dojo.swapper.spec.DocsSettings;
import dev.dojo.swapper.spec.ServiceSpec;
import dev.dojo.swapper.spec.SpecCatalog;
import dev.dojo.swapper.spec.YamlSpecs;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The specs as the browser gets them: each one with the public gateway URL as its only server (so "Try it out"
 * goes through main with the token from "Authorize"), and the merged one.
 */
@Singleton
public class PortalSpecs {

    private final SpecCatalog catalog;
    private final SpecMerger merger;
    private final YamlSpecs yaml;
    private final List<Map<String, Object>> servers;

    public PortalSpecs(SpecCatalog catalog, SpecMerger merger, YamlSpecs yaml, DocsSettings settings) {
        this.catalog = catalog;
        this.merger = merger;
        this.yaml = yaml;
        this.servers = List.of(Map.of("url", settings.publicUrl().toString(), "description", "Dojo gateway (main)"));
    }

    public String single(ServiceSpec spec) {
        Map<String, Object> served = new LinkedHashMap<>(spec.spec());
        served.put("servers", servers);
        return yaml.write(served);
    }

    public String merged() {
        List<ServiceSpec> all = catalog.all();
        List<SpecMerger.Part> parts = all.stream()
                .filter(ServiceSpec::hasSpec)
                .map(spec -> new SpecMerger.Part(spec.name(), spec.spec()))
                .toList();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "Dojo API");
        info.put("version", "1.0");
        info.put("description", describe(all));
        return yaml.write(merger.merge(info, servers, parts));
    }

    private static String describe(List<ServiceSpec> all) {
        String states = all.stream().map(spec -> spec.name() + " (" + state(spec) + ")").collect(Collectors.joining(", "));
        return "Every Dojo service's API as main exposes it. Sign in with POST /auth/login and paste auth_token into "
                + "Authorize. Services: " + states + ".";
    }

    private static String state(ServiceSpec spec) {
        if (spec.available()) {
            return "live";
        }
        return spec.hasSpec() ? "unavailable, last good copy from " + spec.fetchedAt() : "unavailable, not documented";
    }
}
