package dev.dojo.main;

import dev.dojo.testing.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A service at the socket level: it logs the exact bytes of every request that reaches it and how it framed them,
 * and answers each complete request {@code 200 own <METHOD> <target> <body length>} on a kept-alive connection. It
 * frames like a careful HTTP/1.1 server (chunked coding wins over a length, as RFC 9112 says) but records a request
 * carrying both, so a test can see what a laxer service would have read. A request cut off by the connection
 * closing is recorded as incomplete and never answered.
 */
public final class RecordingBackend extends RequestLoopServer<RecordingBackend.Request> {

    /** One request as it arrived: its connection (from 1, accept order) and position on it (from 1). */
    public record Request(int connection, int onConnection, String method, String target, List<String> headers,
                          byte[] body, byte[] raw, boolean complete) {

        public String path() {
            return RequestLoopServer.path(target);
        }

        /** The values of header {@code name} (case-insensitive), in order. */
        public List<String> header(String name) {
            List<String> values = new ArrayList<>();
            for (String line : headers) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    values.add(line.substring(colon + 1).trim());
                }
            }
            return values;
        }

        public String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }

        public String rawText() {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
    }

    private RecordingBackend() throws IOException {
    }

    public static RecordingBackend start() {
        return started(RecordingBackend::new);
    }

    public List<Request> seen(Predicate<Request> which) {
        return seen().stream().filter(which).toList();
    }

    /** The complete requests whose target contains {@code text}. */
    public List<Request> complete(String text) {
        return seen(request -> request.complete() && request.target().contains(text));
    }

    /** Waits (polling with a deadline) until {@code count} complete requests whose target contains {@code text}
     * have arrived, and answers them. */
    public List<Request> awaitComplete(String text, int count) {
        return Eventually.until(count + " complete requests to " + text, () -> complete(text),
                found -> found.size() >= count);
    }

    /** A request cut off by the connection closing is never answered; the connection is done. */
    @Override
    protected boolean answer(Request request, OutputStream out) throws IOException {
        if (!request.complete()) {
            return false;
        }
        byte[] body = ("own " + request.method() + " " + request.target() + " " + request.body().length)
                .getBytes(StandardCharsets.ISO_8859_1);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        return true;
    }

    /** The next request, an incomplete one if the connection ends inside it, or null if it ends between requests. */
    @Override
    protected Request read(InputStream in, int connection, int onConnection) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        String requestLine = line(in, raw);
        if (requestLine == null) {
            return null;
        }
        List<String> headers = new ArrayList<>();
        String method = "";
        String target = "";
        String[] parts = requestLine.split(" ");
        if (parts.length >= 2) {
            method = parts[0];
            target = parts[1];
        }
        for (String header; ; ) {
            header = line(in, raw);
            if (header == null) {
                return new Request(connection, onConnection, method, target, headers, new byte[0],
                        raw.toByteArray(), false);
            }
            if (header.isEmpty()) {
                break;
            }
            headers.add(header);
        }
        Request head = new Request(connection, onConnection, method, target, headers, new byte[0], null, true);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean complete;
        List<String> codings = head.header("Transfer-Encoding");
        if (!codings.isEmpty() && codings.get(codings.size() - 1).toLowerCase(Locale.ROOT).endsWith("chunked")) {
            complete = chunked(in, raw, body);
        } else if (!head.header("Content-Length").isEmpty()) {
            complete = copy(in, raw, body, Long.parseLong(head.header("Content-Length").get(0)));
        } else {
            complete = true;
        }
        return new Request(connection, onConnection, method, target, headers, body.toByteArray(),
                raw.toByteArray(), complete);
    }

    private static boolean chunked(InputStream in, ByteArrayOutputStream raw, ByteArrayOutputStream body)
            throws IOException {
        for (String size; (size = line(in, raw)) != null; ) {
            long length;
            try {
                length = Long.parseLong(size.split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                return false; // not a chunk main should ever send: recorded as incomplete, the connection dropped
            }
            if (length == 0) {
                for (String trailer; (trailer = line(in, raw)) != null; ) {
                    if (trailer.isEmpty()) {
                        return true;
                    }
                }
                return false;
            }
            if (!copy(in, raw, body, length) || line(in, raw) == null) {
                return false;
            }
        }
        return false;
    }

    private static boolean copy(InputStream in, ByteArrayOutputStream raw, ByteArrayOutputStream body, long length)
            throws IOException {
        for (long left = length; left > 0; left--) {
            int c = in.read();
            if (c < 0) {
                return false;
            }
            raw.write(c);
            body.write(c);
        }
        return true;
    }

    /** One line without its CRLF (a bare LF also ends it), or null at the end of the connection. */
    private static String line(InputStream in, ByteArrayOutputStream raw) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            raw.write(c);
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return null;
    }

}
