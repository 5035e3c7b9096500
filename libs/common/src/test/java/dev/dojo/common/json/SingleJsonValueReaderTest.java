package dev.dojo.common.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.dojo.common.json.SingleJsonValueReader.holdsOneValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which bodies count as exactly one JSON value; the services' BadInputTest and StrictJsonTest send them over HTTP. */
class SingleJsonValueReaderTest {

    @Test
    void oneValueWithWhitespaceAroundItIsOne() {
        for (String body : List.of("{}", "{\"a\": [1, {\"b\": null}]}", " \r\n\t{\"a\": 1} \n", "[]", "\"text\"",
                "1", "null", "\uFEFF{\"a\": 1}")) {
            assertTrue(holdsOneValue(bytes(body)), body);
        }
    }

    @Test
    void anEmptyBodyIsLeftToTheDecoder() {
        assertTrue(holdsOneValue(bytes("")));
        assertTrue(holdsOneValue(bytes("  \n")));
    }

    @Test
    void anythingAfterTheValueIsNot() {
        for (String body : List.of("{\"a\": 1} x", "{\"a\": 1}{\"a\": 2}", "{\"a\": 1}]", "{\"a\": 1}}",
                "{\"a\": 1},", "[1] [2]", "1 2", "null null", "{\"a\": 1}\u0000", "{\"a\": 1} // comment")) {
            assertFalse(holdsOneValue(bytes(body)), body);
        }
    }

    @Test
    void malformedOrTooDeepIsNot() {
        for (String body : List.of("{", "{\"a\":}", "{'a': 1}", "[1,]", "{\"a\" 1}", "NaN")) {
            assertFalse(holdsOneValue(bytes(body)), body);
        }
        assertFalse(holdsOneValue(bytes("[".repeat(5000) + "]".repeat(5000))), "nested 5,000 deep");
        assertFalse(holdsOneValue(new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'}), "not UTF-8");
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
