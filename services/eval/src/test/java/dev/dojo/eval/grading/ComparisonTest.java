package dev.dojo.eval.grading;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every pairing of expected type (as written in an exercise's JSON) and reported value (as the harness encodes it):
 * Python's equality for the expected type, stricter about types (docs/sandbox.md, "Comparison").
 */
class ComparisonTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    /** As the value sits in a report or a test: inside a JSON document (a top-level null reads as no node). */
    private static JsonNode json(String value) throws IOException {
        return JSON.readValue("[" + value + "]", JsonNode.class).get(0);
    }

    @ParameterizedTest(name = "{0} vs {1} (tolerance {2}) -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # expected JSON            | reported value (tagged)                     | tolerance | equal
            # None
            null                       | null                                        | 0     | true
            null                       | {"int": "0x0"}                              | 0     | false
            null                       | false                                       | 0     | false
            null                       | ""                                          | 0     | false
            # bool: only a bool, never 1 or 0
            true                       | true                                        | 0     | true
            true                       | false                                       | 0     | false
            true                       | {"int": "0x1"}                              | 0     | false
            false                      | {"int": "0x0"}                              | 0     | false
            false                      | null                                        | 0     | false
            # int: only an int, exactly, at any size; a bool or an integral float is not an int
            5                          | {"int": "0x5"}                              | 0     | true
            -3                         | {"int": "-0x3"}                             | 0     | true
            5                          | {"int": "0x6"}                              | 0     | false
            5                          | {"float": "5.0"}                            | 0     | false
            5                          | {"float": "5.0"}                            | 0.5   | false
            1                          | true                                        | 0     | false
            0                          | false                                       | 0     | false
            5                          | "5"                                         | 0     | false
            1000000000001              | {"int": "0xe8d4a51001"}                     | 0     | true
            1000000000001              | {"float": "1000000000001.5"}                | 0     | false
            1000000000001              | {"float": "1000000000001.0"}                | 0     | false
            1000000000001              | {"int": "0xe8d4a51000"}                     | 0     | false
            36893488147419103232       | {"int": "0x20000000000000000"}              | 0     | true
            36893488147419103232       | {"int": "0x20000000000000001"}              | 0     | false
            36893488147419103232       | {"float": "3.6893488147419103e+19"}         | 0     | false
            9007199254740993           | {"int": "0x20000000000001"}                 | 0     | true
            9007199254740993           | {"int": "0x20000000000000"}                 | 0     | false
            # float: only a float; exact by default; within the declared tolerance; NaN and infinities never near
            3.75                       | {"float": "3.75"}                           | 0     | true
            3.75                       | {"int": "0x4"}                              | 0     | false
            4.0                        | {"int": "0x4"}                              | 0     | false
            0.30000000000000004        | {"float": "0.30000000000000004"}            | 0     | true
            0.3                        | {"float": "0.30000000000000004"}            | 0     | false
            0.3                        | {"float": "0.30000000000000004"}            | 1e-9  | true
            1.0                        | {"float": "1.001"}                          | 1e-9  | false
            1e20                       | {"float": "1e+20"}                          | 0     | true
            1e20                       | {"float": "1.00000001e+20"}                 | 1e-9  | false
            1e20                       | {"float": "1.000000000001e+20"}             | 1e-9  | true
            # the tolerance's edge is inside: |a - e| <= tolerance * max(1, |e|, |a|), each operand of max deciding once
            0.0                        | {"float": "0.5"}                            | 0.5   | true
            0.0                        | {"float": "0.625"}                          | 0.5   | false
            2.0                        | {"float": "4.0"}                            | 0.5   | true
            4.0                        | {"float": "2.0"}                            | 0.5   | true
            2.0                        | {"float": "4.0"}                            | 0.25  | false
            0.0                        | {"float": "-0.5"}                           | 0.5   | true
            0.0                        | {"float": "-0.5"}                           | 0.25  | false
            0.0                        | {"float": "-0.0"}                           | 0     | true
            -0.0                       | {"float": "0.0"}                            | 0     | true
            1.0                        | {"float": "nan"}                            | 0     | false
            1.0                        | {"float": "nan"}                            | 0.5   | false
            1.7976931348623157e308     | {"float": "inf"}                            | 0.5   | false
            1.5                        | {"float": "0x1.8p0"}                        | 0     | false
            1.5                        | {"float": "Infinity"}                       | 0     | false
            1.5                        | 1.5                                         | 0     | false
            # str: code point by code point, no normalisation, never a number or None
            "abc"                      | "abc"                                       | 0     | true
            "abc"                      | "abd"                                       | 0     | false
            "\\u00e9"                  | "\\u00e9"                                   | 0     | true
            "\\u00e9"                  | "e\\u0301"                                  | 0     | false
            "5"                        | {"int": "0x5"}                              | 0     | false
            "None"                     | null                                        | 0     | false
            "abc"                      | {"repr": "'abc'", "type": "MyStr"}          | 0     | false
            # list: only a list (a tuple is not a list), item by item
            [1, 2]                     | [{"int": "0x1"}, {"int": "0x2"}]            | 0     | true
            [1, 2]                     | {"tuple": [{"int": "0x1"}, {"int": "0x2"}]} | 0     | false
            [1, 2]                     | [{"int": "0x2"}, {"int": "0x1"}]            | 0     | false
            [1, 2]                     | [{"int": "0x1"}]                            | 0     | false
            [1, 2]                     | [{"int": "0x1"}, {"float": "2.0"}]          | 0     | false
            []                         | []                                          | 0     | true
            []                         | {"tuple": []}                               | 0     | false
            [[1], "a"]                 | [[{"int": "0x1"}], "a"]                     | 0     | true
            [0.3]                      | [{"float": "0.30000000000000004"}]          | 1e-9  | true
            # dict: only a dict with the same keys (order ignored), str keys are not int keys
            {"a": 1, "b": 2}           | {"dict": [["b", {"int": "0x2"}], ["a", {"int": "0x1"}]]} | 0 | true
            {"a": 1, "b": 2}           | {"dict": [["a", {"int": "0x1"}]]}           | 0     | false
            {"a": 1}                   | {"dict": [["a", {"int": "0x1"}], ["b", {"int": "0x2"}]]} | 0 | false
            {"a": 1, "b": 2}           | {"dict": [["a", {"int": "0x1"}], ["a", {"int": "0x1"}]]} | 0 | false
            {"1": 1}                   | {"dict": [[{"int": "0x1"}, {"int": "0x1"}]]} | 0    | false
            {"a": 1}                   | {"dict": [["a", true]]}                     | 0     | false
            {}                         | {"dict": []}                                | 0     | true
            {}                         | []                                          | 0     | false
            {"a": 1}                   | {"a": {"int": "0x1"}}                       | 0     | false
            # anything malformed or opaque equals nothing
            5                          | {"int": "5"}                                | 0     | false
            5                          | {"int": "0x5", "x": 1}                      | 0     | false
            5                          | 5                                           | 0     | false
            null                       | {"repr": "None", "type": "NoneType"}        | 0     | false
            """)
    void comparesByTypeAndValue(String expected, String reported, double tolerance, boolean equal) throws IOException {
        Value want = Values.fromExpected(json(expected));
        Value got = Values.fromReport(json(reported));
        assertEquals(equal, Comparison.matches(want, got, tolerance));
    }

    /** Expected values from JSON are never tuples or opaque; the contract holds for any caller all the same. */
    @Test
    void anExpectedTupleMatchesOnlyAnEqualTupleAndAnOpaqueExpectationNothing() {
        Value one = new Value.Int(BigInteger.ONE);
        Value tuple = new Value.PyTuple(List.of(one));
        assertTrue(Comparison.matches(tuple, new Value.PyTuple(List.of(one)), 0));
        assertFalse(Comparison.matches(tuple, new Value.PyList(List.of(one)), 0));
        assertFalse(Comparison.matches(tuple, new Value.PyTuple(List.of(new Value.Int(BigInteger.TWO))), 0));
        Value opaque = new Value.Opaque("{1}", "set");
        assertFalse(Comparison.matches(opaque, opaque, 0));
    }

    @ParameterizedTest(name = "{0} shows as {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            null                                         | None
            true                                         | True
            {"int": "-0x2a"}                             | -42
            {"int": "0x20000000000000000"}               | 36893488147419103232
            {"float": "5.0"}                             | 5.0
            {"float": "1000000000001.5"}                 | 1000000000001.5
            {"float": "1e+16"}                           | 1e+16
            {"float": "1.5e-07"}                         | 1.5e-07
            {"float": "0.0001"}                          | 0.0001
            {"float": "-0.0"}                            | -0.0
            {"float": "nan"}                             | nan
            {"float": "-inf"}                            | -inf
            "it's"                                       | "it's"
            "a\\nb"                                      | 'a\\nb'
            {"tuple": [{"int": "0x1"}]}                  | (1,)
            {"tuple": [{"int": "0x1"}, "a"]}             | (1, 'a')
            [{"float": "0.5"}, null]                     | [0.5, None]
            {"dict": [[{"int": "0x1"}, "x"]]}            | {1: 'x'}
            {"repr": "{1, 2}", "type": "set"}            | {1, 2}
            {"int": "12"}                                | <malformed value>
            """)
    void showsValuesAsPythonLiterals(String reported, String literal) throws IOException {
        assertEquals(literal, Literal.of(Values.fromReport(json(reported))));
    }

    @ParameterizedTest(name = "expected {0} shows as {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            5                      | 5
            5.0                    | 5.0
            1e16                   | 1e+16
            0.1                    | 0.1
            1000000000001.5        | 1000000000001.5
            36893488147419103232   | 36893488147419103232
            [1, "a"]               | [1, 'a']
            {"a": [true, null]}    | {'a': [True, None]}
            """)
    void showsExpectedValuesAsPythonLiterals(String expected, String literal) throws IOException {
        assertEquals(literal, Literal.of(Values.fromExpected(json(expected))));
    }
}
