package dev.dojo.swapper.spec;

import jakarta.inject.Singleton;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

import java.util.Map;

/**
 * Turns spec text into a plain tree of maps and lists and back. Specs are handled as trees, not as a typed model:
 * swapper only rewrites {@code servers} and merges sections, and a tree keeps every extension a service adds.
 */
@Singleton
public class YamlSpecs {

    private static final int MAX_SPEC_CHARS = 4 * 1024 * 1024;

    /**
     * @return the spec as a tree
     * @throws SpecUnavailableException when the text is not YAML or not an OpenAPI 3 document
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_SPEC_CHARS);
        options.setAllowDuplicateKeys(false);
        Object tree;
        try {
            // a SafeConstructor: a spec from the network never instantiates arbitrary classes
            tree = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw new SpecUnavailableException("not YAML");
        }
        if (!(tree instanceof Map<?, ?> map) || !(map.get("openapi") instanceof String version) || !version.startsWith("3.")) {
            throw new SpecUnavailableException("not an OpenAPI 3 document");
        }
        return (Map<String, Object>) map;
    }

    public String write(Map<String, Object> spec) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(0);
        options.setSplitLines(false);
        Representer representer = new Representer(options);
        return new Yaml(representer, options).dump(spec);
    }
}
