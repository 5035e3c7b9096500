package dev.dojo.eval.sandbox;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness protocol's bytes on their own (docs/sandbox.md, "Harness protocol"): what the service writes and how
 * it reads what the harness wrote back, including answers a submission cut short or forged.
 */
class HarnessProtocolTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void aRequestIsCountsThenLengthPrefixedUtf8Items() {
        byte[] request = HarnessProtocol.request("é=1", List.of("f(1)", "f(2)"), List.of("g()"));
        // each item is "<byte length>\n" and its bytes, with nothing between items
        assertEquals("2 1\n4\né=14\nf(1)4\nf(2)3\ng()", text(request));
    }

    @Test
    void theProbeAsksForSixTimesSeven() {
        assertEquals("1 0\n0\n5\n6 * 7", text(HarnessProtocol.probeRequest()));
    }

    @Test
    void twoPhasesAreRead() {
        HarnessProtocol.Answer answer = HarnessProtocol.parse(bytes("exit=0\n3\nabcexit=-9\n0\n"));
        assertFalse(answer.oversized());
        assertEquals(2, answer.phases().size());
        assertEquals(0, answer.phases().get(0).exit());
        assertArrayEquals(bytes("abc"), answer.phases().get(0).report());
        assertEquals(-9, answer.phases().get(1).exit());
        assertArrayEquals(new byte[0], answer.phases().get(1).report());
    }

    @Test
    void nothingAfterTheSecondPhaseIsRead() {
        HarnessProtocol.Answer answer = HarnessProtocol.parse(bytes("exit=0\n1\naexit=0\n1\nbexit=0\n1\nc"));
        assertEquals(2, answer.phases().size());
        assertArrayEquals(bytes("b"), answer.phases().get(1).report());
    }

    @Test
    void oversizedAfterAPhaseKeepsThatPhase() {
        HarnessProtocol.Answer answer = HarnessProtocol.parse(bytes("exit=0\n2\nokoversized\n"));
        assertTrue(answer.oversized());
        assertEquals(1, answer.phases().size());
        assertArrayEquals(bytes("ok"), answer.phases().get(0).report());
        assertTrue(HarnessProtocol.parse(bytes("oversized\n")).oversized());
    }

    @Test
    void aReportLongerThanWhatArrivedEndsTheAnswer() {
        assertNull(HarnessProtocol.parse(bytes("exit=0\n4\nabc")));
        HarnessProtocol.Answer answer = HarnessProtocol.parse(bytes("exit=0\n1\naexit=1\n5\nabcd"));
        assertEquals(1, answer.phases().size());
        // exactly as long as what arrived is complete
        assertEquals(1, HarnessProtocol.parse(bytes("exit=0\n4\nabcd")).phases().size());
    }

    @Test
    void malformedHeadersEndTheAnswer() {
        assertNull(HarnessProtocol.parse(new byte[0]));
        assertNull(HarnessProtocol.parse(bytes("exit=0")));
        assertNull(HarnessProtocol.parse(bytes("exit=0\n3")));
        assertNull(HarnessProtocol.parse(bytes("status=0\n0\n")));
        assertNull(HarnessProtocol.parse(bytes("exit=x\n0\n")));
        assertNull(HarnessProtocol.parse(bytes("exit=0\nten\n")));
        assertNull(HarnessProtocol.parse(bytes("exit=0\n-1\n")));
    }

    @Test
    void aHeaderLineIsShort() {
        // a header line ends within 32 bytes; a longer one is not a header
        String padded = "exit=" + "0".repeat(26);
        assertEquals(31, padded.length());
        assertEquals(1, HarnessProtocol.parse(bytes(padded + "\n0\n")).phases().size());
        assertNull(HarnessProtocol.parse(bytes(padded + "0\n0\n")));
        String length = "0".repeat(31);
        assertEquals(1, HarnessProtocol.parse(bytes("exit=0\n" + length + "\n")).phases().size());
        assertNull(HarnessProtocol.parse(bytes("exit=0\n" + length + "0\n")));
    }

    @Test
    void theProbeAnswerMustBeSixTimesSevenInBothPhases() {
        String report = "{\"values\": [{\"int\": \"0x2a\"}]}";
        String good = "exit=0\n" + report.length() + "\n" + report + "exit=0\n0\n";
        assertTrue(HarnessProtocol.probeAnswered(bytes(good)));
        assertFalse(HarnessProtocol.probeAnswered(bytes("exit=0\n" + report.length() + "\n" + report)));
        assertFalse(HarnessProtocol.probeAnswered(bytes(good.replaceFirst("exit=0", "exit=1"))));
        assertFalse(HarnessProtocol.probeAnswered(bytes(good.replace("0x2a", "0x2b"))));
        assertFalse(HarnessProtocol.probeAnswered(bytes("oversized\n")));
        assertFalse(HarnessProtocol.probeAnswered(bytes("exit=0\n" + report.length() + "\n" + report
                + "oversized\n")));
        assertFalse(HarnessProtocol.probeAnswered(new byte[0]));
    }
}
