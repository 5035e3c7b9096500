package dev.dojo.common.security;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only the one spelling a base64url encoder writes passes; the spellings Nimbus would also decode do not. */
class CompactTokenReaderTest {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @Test
    void whatAnEncoderWritesPassesForEveryLength() {
        Random random = new Random(7);
        for (int length = 1; length <= 300; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String part = URL.encodeToString(bytes);
            assertTrue(CompactTokenReader.canonical(part + "." + part + "." + part), "length " + length);
        }
    }

    @Test
    void otherSpellingsOfTheSameBytesDoNot() {
        String header = URL.encodeToString("{\"alg\":\"RS256\"}".getBytes());
        String payload = URL.encodeToString("{\"sub\":\"1\"}".getBytes());
        byte[] signature = new byte[256];
        new Random(3).nextBytes(signature);
        String sig = URL.encodeToString(signature); // 342 characters: the last one carries 2 bits and 4 spare
        String token = header + "." + payload + "." + sig;
        assertTrue(CompactTokenReader.canonical(token));
        assertFalse(CompactTokenReader.canonical(token + "="), "padding");
        assertFalse(CompactTokenReader.canonical(token + "=="), "padding");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int value = alphabet.indexOf(sig.charAt(sig.length() - 1));
        // the same 256 bytes to a lenient decoder, one spare bit set
        String variant = sig.substring(0, sig.length() - 1) + alphabet.charAt(value | 1);
        assertFalse(CompactTokenReader.canonical(header + "." + payload + "." + variant), "spare bits set");
    }

    @Test
    void anythingButThreeBase64urlPartsDoesNot() {
        for (String bad : new String[] {"", "a", "ab.cd", "ab.cd.ef.gh", "ab..cd", ".ab.cd", "ab.cd.", "ab.c+.ef",
            "ab.c/.ef", "ab.cd.e", "ab.cd.ef ", "a\u00e9.cd.ef", "ab.cd.e\u0000"}) {
            assertFalse(CompactTokenReader.canonical(bad), bad);
        }
    }
}
