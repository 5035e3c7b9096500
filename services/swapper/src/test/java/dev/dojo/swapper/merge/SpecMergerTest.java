package dev.dojo.swapper.merge;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpecMergerTest {

    private final SpecMerger merger = new SpecMerger();

    @Test
    void keepsIdenticalComponentsOnceAndRenamesDifferingOnesWithTheirReferences() {
        Map<String, Object> users = yaml("""
                openapi: 3.0.1
                security: [{bearerAuth: []}]
                paths:
                  /users:
                    get:
                      operationId: list
                      responses: {"200": {content: {application/json: {schema: {$ref: "#/components/schemas/Envelope"}}}}}
                components:
                  schemas:
                    Envelope: {type: object, properties: {data: {type: string}}}
                    FieldError: {type: object}
                  securitySchemes:
                    bearerAuth: {type: http, scheme: bearer, bearerFormat: JWT}
                """);
        Map<String, Object> eval = yaml("""
                openapi: 3.0.1
                paths:
                  /exercises:
                    get:
                      operationId: list
                      security: [{bearerAuth: []}]
                      responses: {"200": {content: {application/json: {schema: {$ref: "#/components/schemas/Envelope"}}}}}
                components:
                  schemas:
                    Envelope: {type: object, properties: {data: {type: array}}}
                    FieldError: {type: object}
                  securitySchemes:
                    bearerAuth: {type: http, scheme: bearer}
                """);

        Map<String, Object> merged = merger.merge(Map.of("title", "t", "version", "1"), List.of(Map.of("url", "http://gw")),
                List.of(new SpecMerger.Part("users", users), new SpecMerger.Part("eval", eval)));

        Map<String, Object> schemas = at(merged, "components", "schemas");
        assertEquals(List.of("Envelope", "FieldError", "eval_Envelope"), List.copyOf(schemas.keySet()));
        assertEquals("#/components/schemas/eval_Envelope",
                at(merged, "paths", "/exercises", "get", "responses", "200", "content", "application/json", "schema").get("$ref"));
        assertEquals("#/components/schemas/Envelope",
                at(merged, "paths", "/users", "get", "responses", "200", "content", "application/json", "schema").get("$ref"));
        assertEquals(List.of(Map.of("eval_bearerAuth", List.of())), at(merged, "paths", "/exercises", "get").get("security"));
        // users' global security now sits on its operation; the merged document has none of its own
        assertEquals(List.of(Map.of("bearerAuth", List.of())), at(merged, "paths", "/users", "get").get("security"));
        assertEquals(null, merged.get("security"));
        assertEquals("list", at(merged, "paths", "/users", "get").get("operationId"));
        assertEquals("eval_list", at(merged, "paths", "/exercises", "get").get("operationId"));
        assertEquals(List.of(Map.of("url", "http://gw")), merged.get("servers"));
        // the inputs are left alone: the catalog keeps serving them as they are
        assertEquals("#/components/schemas/Envelope",
                at(eval, "paths", "/exercises", "get", "responses", "200", "content", "application/json", "schema").get("$ref"));
    }

    private static Map<String, Object> yaml(String text) {
        return new Yaml().load(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> node, String... keys) {
        Map<String, Object> current = node;
        for (String key : keys) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }
}
