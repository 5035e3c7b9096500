package dev.dojo.users.seed;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The start-up line says what happened in words, for a first run, a restart and a partly seeded database. */
class DemoDataMessageTest {

    @Test
    void saysWhatHappened() {
        assertEquals("added the 3 demo accounts", DemoData.describe(3, 3));
        assertEquals("all 3 demo accounts already there, nothing added", DemoData.describe(0, 3));
        assertEquals("added 1 missing demo account; 2 already there", DemoData.describe(1, 3));
        assertEquals("added 2 missing demo accounts; 1 already there", DemoData.describe(2, 3));
    }
}
