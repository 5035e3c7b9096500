package dev.dojo.eval.grading;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The harness's report is untrusted: whatever does not follow the protocol becomes the one malformed value (which
 * equals nothing), never null and never a guess. A float's text is bounded at 40 characters.
 */
class ValuesTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Value MALFORMED = new Value.Opaque("<malformed value>", "?");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "5", "1.5",                                   // bare numbers: not part of the protocol
            "{}", "{\"int\": \"0x1\", \"float\": \"1.0\"}", "{\"long\": \"0x1\"}",
            "{\"int\": \"5\"}", "{\"int\": 5}", "{\"int\": \"0x\"}", "{\"int\": \"0xG\"}",
            "{\"float\": \"1e5\"}", "{\"float\": \"Infinity\"}", "{\"float\": \"0x1p3\"}", "{\"float\": 1.0}",
            "{\"tuple\": \"(1,)\"}", "{\"dict\": {\"a\": 1}}", "{\"dict\": [[\"a\"]]}", "{\"dict\": [\"a\"]}",
            "{\"repr\": \"x\", \"type\": 1}"})
    void whatBreaksTheProtocolIsTheMalformedValue(String report) throws IOException {
        assertEquals(MALFORMED, Values.fromReport(node(report)), report);
    }

    @Test
    void aMissingValueIsMalformedToo() {
        assertEquals(MALFORMED, Values.fromReport(null));
    }

    @Test
    void wellFormedReportsKeepTheirValue() throws IOException {
        assertEquals(new Value.Int(BigInteger.valueOf(-255)), Values.fromReport(node("{\"int\": \"-0xff\"}")));
        assertEquals(new Value.PyTuple(List.of(new Value.Float(1.5), Value.NONE)),
                Values.fromReport(node("{\"tuple\": [{\"float\": \"1.5\"}, null]}")));
        assertEquals(new Value.Opaque("<x>", "X"), Values.fromReport(node("{\"repr\": \"<x>\", \"type\": \"X\"}")));
        Value dict = Values.fromReport(node("{\"dict\": [[\"a\", {\"int\": \"0x1\"}]]}"));
        assertEquals(List.of(Map.entry(new Value.Str("a"), new Value.Int(BigInteger.ONE))), ((Value.PyDict) dict).entries());
    }

    @Test
    void aFloatsTextIsReadUpToFortyCharacters() {
        String forty = "1." + "0".repeat(37) + "1";
        assertEquals(40, forty.length());
        assertEquals(1.0, Values.parseFloat(forty));
        assertNull(Values.parseFloat(forty + "1"));
        assertEquals(Double.NEGATIVE_INFINITY, Values.parseFloat("-inf"));
        assertEquals(Double.NaN, Values.parseFloat("nan"));
        assertNull(Values.parseFloat(null));
    }

    /** An exercise's expected value JSON cannot carry (1e400 reads as infinity) is found at any depth. */
    @Test
    void aNonFiniteExpectedFloatIsFoundWhereverItSits() throws IOException {
        for (String expected : List.of("1e400", "[1, -1e400]", "[[2.5, 1e400]]", "{\"a\": 1e400}", "{\"a\": [1e400]}")) {
            assertEquals(true, Values.containsNonFinite(node(expected)), expected);
        }
        for (String expected : List.of("1.5", "[1, 2.5]", "{\"a\": [1.0e300]}", "\"1e400\"", "null")) {
            assertEquals(false, Values.containsNonFinite(node(expected)), expected);
        }
        assertEquals(false, Values.containsNonFinite(null));
    }

    private static JsonNode node(String json) throws IOException {
        return JSON.readValue("[" + json + "]", JsonNode.class).get(0);
    }

    @Test
    void anExpectedDecimalKeepsTheValueItsTextNames() {
        // an exercise's expected value may arrive as a BigDecimal (a mapper reading exact decimals): the float is
        // the one its decimal text names, as Python would read it
        assertEquals(new Value.Float(0.1), Values.fromExpected(JsonNode.createNumberNode(new BigDecimal("0.1"))));
        assertEquals(new Value.Float(1e300),
                Values.fromExpected(JsonNode.createNumberNode(new BigDecimal("1.0E+300"))));
    }
}
