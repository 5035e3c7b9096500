package dev.dojo.eval.grading;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonValuesTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private static boolean matches(String expected, String actual) throws IOException {
        return JsonValues.matches(JSON.readValue(expected, JsonNode.class), JSON.readValue(actual, JsonNode.class));
    }

    @Test
    void comparesJsonValues() throws IOException {
        assertTrue(matches("5", "5"));
        assertTrue(matches("5", "5.0"));
        assertTrue(matches("0.3", "0.30000000000000004"));
        assertFalse(matches("5", "6"));
        assertFalse(matches("1000000000001", "1000000000000"));
        assertFalse(matches("1", "true"));
        assertFalse(matches("\"5\"", "5"));
        assertTrue(matches("[1, \"Fizz\"]", "[1, \"Fizz\"]"));
        assertFalse(matches("[1, 2]", "[1, 2, 3]"));
        assertTrue(matches("{\"a\": [1]}", "{\"a\": [1.0]}"));
        assertFalse(matches("{\"a\": 1}", "{\"b\": 1}"));
        assertTrue(matches("null", "null"));
        assertFalse(matches("null", "0"));
        assertFalse(matches("1e400", "1e400"), "an infinite number matches nothing, and does not throw");
        assertFalse(matches("-1e400", "5"));
        assertTrue(JsonValues.containsNonFinite(JSON.readValue("{\"a\": [1, 1e400]}", JsonNode.class)));
    }
}
