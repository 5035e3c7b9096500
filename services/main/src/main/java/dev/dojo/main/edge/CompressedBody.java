package dev.dojo.main.edge;

import io.micronaut.core.annotation.Nullable;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Whether a gzip or deflate request body is one whole stream and nothing else. Micronaut inflates such a body as it
 * arrives (Netty's decoder, which checks a gzip trailer's CRC when there is one) but takes a stream cut off before
 * its end — the trailer, or the last blocks — as complete, and drops whatever follows the end: a truncated or padded
 * body was served as if whole. This reads the same bytes a second time, discarding what they inflate to, and only
 * answers whether they end exactly where the stream does (RFC 1950–1952: one gzip member, header and trailer
 * included). Like Micronaut, "deflate" is a zlib stream or a raw one. Holds an {@link Inflater}: {@link #end} it.
 */
final class CompressedBody {

    private static final List<String> GZIP = List.of("gzip", "x-gzip");
    private static final List<String> DEFLATE = List.of("deflate", "x-deflate");
    /**
     * Codings Micronaut would also decode in main and pass on as plain: snappy (Netty's framing, no registered HTTP
     * coding, its checksums unchecked) and br (when a Brotli library is present). The edge takes gzip and deflate.
     */
    private static final List<String> REFUSED = List.of("snappy", "br");
    /** A gzip trailer: CRC-32 and the inflated size (Netty's decoder checks both). */
    private static final int GZIP_TRAILER = 8;
    /** A gzip header's optional fields (extra, name, comment) are the caller's: bounded. */
    private static final int MAX_GZIP_HEADER = 1024;
    private static final int NOT_YET = -1;
    private static final int NOT_A_STREAM = -2;

    private final boolean gzip;
    private final byte[] scratch = new byte[8192];
    /**
     * The stream's first bytes as they arrive, until what they are is known — gzip: its header; deflate: two bytes,
     * a zlib header or not; null once the deflate stream has begun.
     */
    @Nullable
    private byte[] header;
    private int headerBytes;
    @Nullable
    private Inflater inflater;
    /** Bytes after the deflate stream's end: a gzip trailer, then anything that must not be there. */
    private long after;
    private boolean broken;

    private CompressedBody(boolean gzip) {
        this.gzip = gzip;
        this.header = new byte[gzip ? MAX_GZIP_HEADER : 2];
    }

    /** A check for the body of a request with these headers, or null when its body is not gzip or deflate. */
    @Nullable
    static CompressedBody of(HttpHeaders headers) {
        String coding = coding(headers);
        if (coding == null || headers.getAll(HttpHeaderNames.CONTENT_ENCODING).size() != 1) {
            return null;
        }
        if (GZIP.contains(coding)) {
            return new CompressedBody(true);
        }
        return DEFLATE.contains(coding) ? new CompressedBody(false) : null;
    }

    /** A request whose body is in a coding main could decode but does not take (415, like the services). */
    static boolean refused(HttpHeaders headers) {
        String coding = coding(headers);
        return coding != null && REFUSED.contains(coding);
    }

    /** The (first) coding a request names, trimmed and in lower case; null without one (no list built). */
    @Nullable
    private static String coding(HttpHeaders headers) {
        String coding = headers.get(HttpHeaderNames.CONTENT_ENCODING);
        return coding == null ? null : coding.trim().toLowerCase(Locale.ROOT);
    }

    /** Reads the next bytes of the body; false once it can no longer be one whole stream. */
    boolean feed(ByteBuf content) {
        if (broken) {
            return false;
        }
        ByteBuffer bytes = content.nioBuffer();
        if (header != null) {
            int take = Math.min(bytes.remaining(), header.length - headerBytes);
            bytes.get(header, headerBytes, take);
            headerBytes += take;
            int begins = gzip ? gzipHeaderEnd() : headerBytes == 2 ? 0 : NOT_YET;
            if (begins == NOT_A_STREAM || begins == NOT_YET && headerBytes == header.length) {
                return fail();
            }
            if (begins == NOT_YET) {
                return true;
            }
            inflater = new Inflater(gzip || !zlibHeader(header));
            ByteBuffer begun = ByteBuffer.wrap(header, begins, headerBytes - begins);
            header = null;
            if (!deflate(begun)) {
                return false;
            }
        }
        return deflate(bytes);
    }

    /** The body has ended: true when it was exactly one whole stream. */
    boolean complete() {
        return !broken && inflater != null && inflater.finished() && after == (gzip ? GZIP_TRAILER : 0);
    }

    /** Frees the inflater's native memory. */
    void end() {
        if (inflater != null) {
            inflater.end();
        }
    }

    private boolean deflate(ByteBuffer bytes) {
        if (!bytes.hasRemaining()) {
            return true;
        }
        if (inflater.finished()) {
            after += bytes.remaining();
        } else {
            inflater.setInput(bytes);
            try {
                while (!inflater.finished() && !inflater.needsInput()) {
                    if (inflater.inflate(scratch) == 0 && inflater.needsDictionary()) {
                        return fail();
                    }
                }
            } catch (DataFormatException corrupt) {
                return fail(); // Micronaut's own decoder refuses these too
            }
            if (inflater.finished()) {
                after += inflater.getRemaining();
            }
        }
        return after <= (gzip ? GZIP_TRAILER : 0) || fail();
    }

    private boolean fail() {
        broken = true;
        return false;
    }

    /** A zlib stream's two first bytes (RFC 1950: CM 8, FCHECK); else Micronaut takes it as raw deflate. */
    private static boolean zlibHeader(byte[] first) {
        int cmf = first[0] & 0xff;
        int flg = first[1] & 0xff;
        return (cmf & 0x0f) == 8 && (cmf << 8 | flg) % 31 == 0;
    }

    /**
     * Where the deflate stream begins: the gzip header's whole length (RFC 1952 §2.3) once its bytes so far show
     * it, else {@link #NOT_YET} or {@link #NOT_A_STREAM}.
     */
    private int gzipHeaderEnd() {
        int have = headerBytes;
        if (have >= 1 && (header[0] & 0xff) != 0x1f || have >= 2 && (header[1] & 0xff) != 0x8b
                || have >= 3 && header[2] != 8) {
            return NOT_A_STREAM;
        }
        if (have < 10) {
            return NOT_YET;
        }
        int flags = header[3] & 0xff;
        int at = 10;
        if ((flags & 0x04) != 0) { // FEXTRA: a two-byte length, then that many bytes
            if (have < at + 2) {
                return NOT_YET;
            }
            at += 2 + ((header[at] & 0xff) | (header[at + 1] & 0xff) << 8);
        }
        for (int field : new int[]{0x08, 0x10}) { // FNAME, FCOMMENT: zero-terminated
            if ((flags & field) != 0) {
                while (at < have && header[at] != 0) {
                    at++;
                }
                if (at >= have) {
                    return NOT_YET;
                }
                at++;
            }
        }
        if ((flags & 0x02) != 0) { // FHCRC
            at += 2;
        }
        return at <= have ? at : NOT_YET;
    }
}
