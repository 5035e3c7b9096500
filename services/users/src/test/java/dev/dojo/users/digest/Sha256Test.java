package dev.dojo.users.digest;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Known SHA-256 vectors over UTF-8 bytes. */
class Sha256Test {

    @Test
    void digestsTheUtf8BytesOfTheText() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(""));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
        // "é" is two UTF-8 bytes (c3 a9), not the one Latin-1 byte e9
        assertEquals("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c", Sha256.hex("é"));
        assertEquals(Sha256.hex("abc"), HexFormat.of().formatHex(Sha256.of("abc")));
        assertEquals(32, Sha256.of("é").length);
    }
}
