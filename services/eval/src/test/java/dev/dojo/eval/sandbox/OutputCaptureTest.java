package dev.dojo.eval.sandbox;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a run's output becomes: the first {@code keep} bytes as text, a truncation flag past them, and one call of the
 * limit action once the total passes the output limit — whatever the chunking of the stream. The sandbox tests see
 * this end to end; here each boundary is exact.
 */
class OutputCaptureTest {

    @Test
    void outputWithinWhatIsKeptIsReportedWholeAndNotTruncated() {
        AtomicInteger limitCalls = new AtomicInteger();
        OutputCapture capture = new OutputCapture(10, 100, limitCalls::incrementAndGet);

        capture.drain(stream("0123456789"));

        assertEquals("0123456789", capture.text());
        assertFalse(capture.truncated(), "exactly keep bytes is not truncated");
        assertEquals(0, limitCalls.get());
    }

    @Test
    void onlyTheFirstKeepBytesAreKeptAcrossChunksAndTheRestIsCounted() {
        AtomicInteger limitCalls = new AtomicInteger();
        OutputCapture capture = new OutputCapture(5, 100, limitCalls::incrementAndGet);

        capture.drain(chunked("abc", "defg", "hij"));

        assertEquals("abcde", capture.text());
        assertTrue(capture.truncated(), "one byte past keep is truncated");
        assertEquals(0, limitCalls.get(), "10 bytes are within the limit of 100");
    }

    @Test
    void theLimitActionRunsOnceWhenTheTotalPassesTheLimitAndNotAtIt() {
        AtomicInteger atLimit = new AtomicInteger();
        new OutputCapture(4, 6, atLimit::incrementAndGet).drain(chunked("abc", "def"));
        assertEquals(0, atLimit.get(), "a total equal to the limit is allowed");

        AtomicInteger pastLimit = new AtomicInteger();
        OutputCapture capture = new OutputCapture(4, 6, pastLimit::incrementAndGet);
        capture.drain(chunked("abc", "defg", "hij", "klm"));
        assertEquals(1, pastLimit.get(), "called once however much more follows");
        assertEquals("abcd", capture.text());
    }

    @Test
    void whatWasReadBeforeTheStreamBrokeIsReported() {
        OutputCapture capture = new OutputCapture(100, 1000, () -> { });

        capture.drain(new InputStream() {
            private final InputStream first = stream("partial");

            @Override
            public int read() throws IOException {
                int b = first.read();
                if (b < 0) {
                    throw new IOException("killed mid-write");
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = first.read(buffer, offset, length);
                if (n < 0) {
                    throw new IOException("killed mid-write");
                }
                return n;
            }
        });

        assertEquals("partial", capture.text());
        assertFalse(capture.truncated());
    }

    @Test
    void invalidUtf8IsDecodedLenientlyAndNulCharactersAreReplaced() {
        OutputCapture capture = new OutputCapture(100, 1000, () -> { });

        capture.drain(new ByteArrayInputStream(new byte[] {'a', 0, 'b', (byte) 0xff, 'c'}));

        assertEquals("a\uFFFDb\uFFFDc", capture.text());
    }

    @Test
    void theStreamIsClosedWhenDrained() {
        AtomicInteger closed = new AtomicInteger();
        InputStream in = new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };

        new OutputCapture(10, 10, () -> { }).drain(in);

        assertEquals(1, closed.get());
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Hands out exactly one of the given pieces per read, as a pipe does with separate writes. */
    private static InputStream chunked(String... pieces) {
        return new InputStream() {
            private int next;

            @Override
            public int read() {
                throw new UnsupportedOperationException("read in chunks");
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (next == pieces.length) {
                    return -1;
                }
                byte[] piece = pieces[next++].getBytes(StandardCharsets.UTF_8);
                System.arraycopy(piece, 0, buffer, offset, piece.length);
                return piece.length;
            }
        };
    }
}
