package dev.dojo.eval.grading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The learner-facing text of a value at its edges: Python's float repr where it switches to exponent form, control
 * characters in strings, and the display limit ({@link Literal#MAX_CHARS}) exactly at and one past it.
 */
class LiteralTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1.0E-4, 0.0001",
            "9.9E-5, 9.9e-05",
            "1.0E15, 1000000000000000.0",
            "1.0E16, 1e+16",
            "1.0E-9, 1e-09",
            "1.0E-10, 1e-10",
            "-2.5E-7, -2.5e-07",
            "1.5E300, 1.5e+300",
            "-0.0, -0.0",
            "123.25, 123.25"})
    void floatsAreShownAsPythonReprsThem(double value, String repr) {
        assertEquals(repr, Literal.of(new Value.Float(value)));
    }

    @Test
    void controlCharactersAreEscapedAndTheLastPrintableOneIsNot() {
        assertEquals("'\\x1f ~\\x7f\\x00'", Literal.of(new Value.Str("\u001f ~\u007f\u0000")));
        assertEquals("\"it's\"", Literal.of(new Value.Str("it's")));
        assertEquals("'\\'\"'", Literal.of(new Value.Str("'\"")));
    }

    @Test
    void aOneItemTupleKeepsItsComma() {
        assertEquals("(1,)", Literal.of(new Value.PyTuple(List.of(integer(1)))));
        assertEquals("(1, 2)", Literal.of(new Value.PyTuple(List.of(integer(1), integer(2)))));
        assertEquals("()", Literal.of(new Value.PyTuple(List.of())));
    }

    @Test
    void textOfExactlyTheLimitIsShownWhole() {
        String text = "a".repeat(Literal.MAX_CHARS - 2); // plus two quotes: exactly the limit
        assertEquals("'" + text + "'", Literal.of(new Value.Str(text)));
    }

    @Test
    void textOnePastTheLimitIsCutToTheLimitWithAnEllipsis() {
        String shown = Literal.of(new Value.Str("a".repeat(Literal.MAX_CHARS - 1)));
        assertEquals(Literal.MAX_CHARS, shown.length());
        assertEquals("'" + "a".repeat(Literal.MAX_CHARS - 2) + "…", shown);
    }

    @Test
    void aQuoteFirstInTheTextStillPicksTheQuotes() {
        // repr("'a") is "'a" and repr('"\'') is '"\'': the choice depends on which quotes the text holds anywhere
        assertEquals("\"'a\"", Literal.of(new Value.Str("'a")));
        assertEquals("'\"\\''", Literal.of(new Value.Str("\"'")));
    }

    @Test
    void aListOrDictReachingTheLimitExactlyBeforeItClosesIsCut() {
        // the first item fills the text to exactly the limit: the closing bracket is one past it
        String list = Literal.of(new Value.PyList(List.of(new Value.Str("a".repeat(Literal.MAX_CHARS - 3)))));
        assertEquals("['" + "a".repeat(Literal.MAX_CHARS - 3) + "…", list);
        String dict = Literal.of(new Value.PyDict(List.of(
                Map.entry(new Value.Str("k"), new Value.Str("a".repeat(Literal.MAX_CHARS - 8))))));
        assertEquals("{'k': '" + "a".repeat(Literal.MAX_CHARS - 8) + "…", dict);
    }

    @Test
    void aLongListStopsBeingWrittenPastTheLimit() {
        List<Value> items = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            items.add(integer(1_000_000));
        }
        String shown = Literal.of(new Value.PyList(items));
        assertEquals(Literal.MAX_CHARS, shown.length());
        assertTrue(shown.startsWith("[1000000, 1000000, "), shown);
        assertTrue(shown.endsWith("…"), shown);
    }

    @Test
    void aDictIsCutLikeAList() {
        List<Map.Entry<Value, Value>> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            entries.add(Map.entry(new Value.Str("k" + i), integer(i)));
        }
        String shown = Literal.of(new Value.PyDict(entries));
        assertEquals(Literal.MAX_CHARS, shown.length());
        assertTrue(shown.startsWith("{'k0': 0, 'k1': 1, "), shown);
        assertEquals("{'k0': 0, 'k1': 1}", Literal.of(new Value.PyDict(entries.subList(0, 2))));
    }

    @Test
    void anIntIsWrittenOutUpToFourThousandBitsAndSummarisedPastThem() {
        BigInteger largestWritten = BigInteger.ONE.shiftLeft(3999); // 4000 bits: 1,205 digits, cut for display
        assertTrue(Literal.of(new Value.Int(largestWritten)).startsWith(largestWritten.toString().substring(0, 50)));
        assertEquals("<int of 4001 bits>", Literal.of(new Value.Int(BigInteger.ONE.shiftLeft(4000))));
    }

    @Test
    void anOpaqueValueShowsItsReprUpToTheLimit() {
        assertEquals("<object at 0x1>", Literal.of(new Value.Opaque("<object at 0x1>", "object")));
        String shown = Literal.of(new Value.Opaque("x".repeat(5000), "object"));
        assertEquals("x".repeat(Literal.MAX_CHARS), shown);
    }

    private static Value integer(long value) {
        return new Value.Int(BigInteger.valueOf(value));
    }
}
