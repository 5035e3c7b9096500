package dev.dojo.main.edge;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompressedBodyTest {

    private static final String JSON = "{\"username\":\"someone\",\"email\":\"someone@example.com\",\"password\":\"x\"}";

    /** Feeds {@code body} in pieces of {@code piece} bytes: whether it is one whole stream. */
    private static boolean whole(String coding, byte[] body, int piece) {
        CompressedBody check = CompressedBody.of(new DefaultHttpHeaders().set("Content-Encoding", coding));
        assertNotNull(check, coding);
        try {
            for (int at = 0; at < body.length; at += piece) {
                if (!check.feed(Unpooled.wrappedBuffer(body, at, Math.min(piece, body.length - at)))) {
                    return false;
                }
            }
            return check.complete();
        } finally {
            check.end();
        }
    }

    @Test
    void checksOnlyGzipAndDeflateBodies() {
        for (String coding : new String[]{"gzip", "x-gzip", "GZIP", "deflate", "x-deflate", "Deflate"}) {
            CompressedBody check = CompressedBody.of(new DefaultHttpHeaders().set("Content-Encoding", coding));
            assertNotNull(check, coding);
            check.end();
        }
        for (String coding : new String[]{"identity", "br", "gzip, gzip", "snappy", ""}) {
            assertNull(CompressedBody.of(new DefaultHttpHeaders().set("Content-Encoding", coding)), coding);
        }
        HttpHeaders two = new DefaultHttpHeaders().add("Content-Encoding", "gzip").add("Content-Encoding", "gzip");
        assertNull(CompressedBody.of(two), "two codings: Micronaut inflates neither, the service refuses them");
        assertNull(CompressedBody.of(new DefaultHttpHeaders()));
    }

    @Test
    void aWholeStreamPassesInAnyPieces() {
        for (int piece : new int[]{1, 2, 3, 7, 10, 11, 64, 100_000}) {
            assertTrue(whole("gzip", Compressed.gzip(JSON), piece), "gzip in pieces of " + piece);
            assertTrue(whole("deflate", Compressed.zlib(JSON), piece), "zlib in pieces of " + piece);
            assertTrue(whole("deflate", Compressed.rawDeflate(JSON), piece), "raw deflate in pieces of " + piece);
            assertTrue(whole("gzip", gzipWithFields(JSON), piece), "gzip with every header field, " + piece);
        }
        assertTrue(whole("gzip", Compressed.gzip(""), 1), "an empty text, gzipped, is a whole stream");
    }

    @Test
    void aCutOffOrPaddedStreamDoesNot() {
        byte[] gz = Compressed.gzip(JSON);
        byte[] zlib = Compressed.zlib(JSON);
        byte[] raw = Compressed.rawDeflate(JSON);
        for (int piece : new int[]{1, 5, 100_000}) {
            for (int cut = 1; cut < gz.length; cut++) {
                assertFalse(whole("gzip", Compressed.cut(gz, cut), piece), "gzip without its last " + cut);
            }
            for (int cut = 1; cut < zlib.length; cut++) {
                assertFalse(whole("deflate", Compressed.cut(zlib, cut), piece), "zlib without its last " + cut);
            }
            for (int cut = 1; cut < raw.length; cut++) {
                assertFalse(whole("deflate", Compressed.cut(raw, cut), piece), "raw without its last " + cut);
            }
            assertFalse(whole("gzip", Compressed.join(gz, new byte[]{0}), piece), "a byte after the trailer");
            assertFalse(whole("gzip", Compressed.join(gz, gz), piece), "a second member");
            assertFalse(whole("deflate", Compressed.join(zlib, new byte[]{0}), piece), "a byte after zlib's end");
            assertFalse(whole("deflate", Compressed.join(raw, new byte[]{1}), piece), "a byte after raw's end");
        }
    }

    @Test
    void garbageAndOversizeHeadersFail() {
        assertFalse(whole("gzip", "not gzip at all".getBytes(StandardCharsets.US_ASCII), 4));
        assertFalse(whole("gzip", Compressed.zlib(JSON), 100), "zlib called gzip");
        assertFalse(whole("deflate", new byte[]{(byte) 0xff, (byte) 0xff, 1, 2, 3}, 100), "no deflate stream");
        byte[] gz = Compressed.gzip(JSON);
        byte[] corrupt = gz.clone();
        corrupt[10] = 0x07; // a final block of the reserved type 11
        assertFalse(whole("gzip", corrupt, 100), "corrupt deflate data");
        // a name that never ends: the header is bounded (1 KB), whatever the body's size
        byte[] endless = new byte[5000];
        Arrays.fill(endless, (byte) 'a');
        System.arraycopy(new byte[]{0x1f, (byte) 0x8b, 8, 0x08, 0, 0, 0, 0, 0, (byte) 0xff}, 0, endless, 0, 10);
        assertFalse(whole("gzip", endless, 7));
        // an extra field longer than the bound
        byte[] extra = Compressed.join(new byte[]{0x1f, (byte) 0x8b, 8, 0x04, 0, 0, 0, 0, 0, (byte) 0xff,
                (byte) 0xff, (byte) 0xff}, new byte[2000]);
        assertFalse(whole("gzip", extra, 100));
    }

    /** A gzip member whose header has FEXTRA, FNAME, FCOMMENT and FHCRC (RFC 1952 §2.3). */
    private static byte[] gzipWithFields(String text) {
        byte[] plain = Compressed.gzip(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = {0x1f, (byte) 0x8b, 8, 0x04 | 0x08 | 0x10 | 0x02, 0, 0, 0, 0, 0, (byte) 0xff};
        out.writeBytes(head);
        out.writeBytes(new byte[]{3, 0, 'a', 'b', 'c'});
        out.writeBytes("name.json\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        CRC32 crc = new CRC32();
        crc.update(out.toByteArray());
        long value = crc.getValue();
        out.writeBytes(new byte[]{(byte) value, (byte) (value >> 8)});
        out.writeBytes(Arrays.copyOfRange(plain, 10, plain.length)); // the deflate stream and trailer
        return out.toByteArray();
    }

    @Test
    void theCorpusHelpersMakeWhatTheySay() {
        assertEquals(0x1f, Compressed.gzip(JSON)[0] & 0xff);
        assertEquals(0x78, Compressed.zlib(JSON)[0] & 0xff);
    }
}
