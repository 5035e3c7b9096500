package dev.dojo.testing.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The example request body of every operation in a committed spec, as a client reading the spec would build it:
 * the media type's own example, else one assembled from the examples of the schema's properties. A required
 * property without an example is reported in {@link Example#missing()}: then the spec has no working example.
 * The services' SpecExamplesTest sends each one and expects it accepted (not refused as an invalid payload).
 */
public final class SpecExamples {

    /** One operation's example body; {@code missing} names the required properties it could not fill. */
    public record Example(String method, String path, Object body, List<String> missing) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private SpecExamples() {
    }

    public static List<Example> of(Path spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().read(spec.toString(), null, options);
        if (api == null) {
            throw new IllegalArgumentException("cannot parse " + spec);
        }
        List<Example> examples = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                body(operation).ifPresent(media -> {
                    List<String> missing = new ArrayList<>();
                    Object body = media.getExample() != null ? media.getExample()
                            : example(media.getSchema(), "", missing);
                    examples.add(new Example(method.name(), path, body, List.copyOf(missing)));
                })));
        return examples;
    }

    private static java.util.Optional<MediaType> body(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(operation.getRequestBody().getContent().get("application/json"));
    }

    @SuppressWarnings("rawtypes")
    private static Object example(Schema schema, String where, List<String> missing) {
        if (schema == null) {
            missing.add(where.isEmpty() ? "(body)" : where);
            return null;
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            List<?> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Object entry : schema.getProperties().entrySet()) {
                Map.Entry<?, ?> property = (Map.Entry<?, ?>) entry;
                String name = (String) property.getKey();
                Schema child = (Schema) property.getValue();
                boolean needed = required.contains(name);
                if (needed || child.getExample() != null || child.getProperties() != null || child.getItems() != null) {
                    List<String> childMissing = new ArrayList<>();
                    Object value = example(child, where + "/" + name, childMissing);
                    if (needed) {
                        missing.addAll(childMissing);
                    }
                    if (value != null) {
                        object.put(name, value);
                    }
                }
            }
            return object;
        }
        if (schema.getItems() != null) {
            Object item = example(schema.getItems(), where + "/0", missing);
            return item == null ? List.of() : List.of(item);
        }
        missing.add(where.isEmpty() ? "(body)" : where);
        return null;
    }
}
