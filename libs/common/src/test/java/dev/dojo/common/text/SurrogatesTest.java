package dev.dojo.common.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Through HTTP: users' BadInputTest and eval's StrictJsonTest (refused), eval's HostileCorpusTest (stored). */
class SurrogatesTest {

    private static final String PAIR = "\uD83E\uDD4B";

    @Test
    void pairsAreText() {
        assertEquals(-1, Surrogates.firstUnpaired("", 0));
        assertEquals(-1, Surrogates.firstUnpaired("plain " + PAIR + PAIR + " é", 0));
        String whole = "a" + PAIR;
        assertSame(whole, Surrogates.replaceUnpaired(whole, '?'));
    }

    @Test
    void aHalfOfAPairAloneIsFound() {
        assertEquals(1, Surrogates.firstUnpaired("a\uD800b", 0));
        assertEquals(1, Surrogates.firstUnpaired("a\uDC00", 0));
        assertEquals(2, Surrogates.firstUnpaired(PAIR + "\uD83E", 0), "a high half at the end");
        assertEquals(0, Surrogates.firstUnpaired("\uDD4B\uD83E", 0), "a pair in the wrong order is two halves");
        assertEquals(4, Surrogates.firstUnpaired("\uD800a" + PAIR + "\uDFFF", 1), "from 1: after the pair");
    }

    @Test
    void everyUnpairedHalfIsReplacedAndPairsKept() {
        assertEquals("??x?" + PAIR + "?", Surrogates.replaceUnpaired("\uD800\uD800x\uDFFF" + PAIR + "\uD83E", '?'));
        assertEquals("\uFFFD\uFFFD", Surrogates.replaceUnpaired("\uDD4B\uD83E", '\uFFFD'));
    }
}
