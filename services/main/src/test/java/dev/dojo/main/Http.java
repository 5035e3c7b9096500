package dev.dojo.main;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JDK's HTTP/1.1 client, which shows exactly what main sent (no decompression, every header), plus a raw socket
 * for requests carrying headers the JDK client refuses to send (Connection, TE…), and {@link Connection}: one raw
 * socket kept open over several requests (keep-alive, pipelining, HTTP/1.0) with a minimal response parser.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Http() {
    }

    public static HttpRequest.Builder request(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return CLIENT.send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> get(String base, String path) {
        return send(request(base, path).GET());
    }

    /** Sends {@code head} (request line and headers, no body) verbatim and returns the whole raw answer. */
    public static String raw(String host, int port, String head) {
        return rawFrom(null, host, port, head);
    }

    /**
     * {@link #raw} from the loopback address {@code local} (any 127.x.y.z: Linux answers the whole block), so a test
     * can be several callers; null for the system's choice.
     */
    public static String rawFrom(String local, String host, int port, String head) {
        try (Socket socket = new Socket()) {
            if (local != null) {
                socket.bind(new InetSocketAddress(local, 0));
            }
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException("raw request failed", e);
        }
    }

    /**
     * Sends a login attempt, {@code method target} with a JSON credentials body and Connection: close, plus
     * {@code extraHeaders} (each ending in CRLF), verbatim: nothing normalises the method, the target or a forwarding
     * header on the way. Returns the whole raw answer.
     */
    public static String rawLogin(int port, String method, String target, String extraHeaders) {
        return rawLogin(null, port, method, target, extraHeaders);
    }

    /** {@link #rawLogin(int, String, String, String)} sent from the loopback address {@code local}. */
    public static String rawLogin(String local, int port, String method, String target, String extraHeaders) {
        String body = "{\"email\":\"a@b.c\",\"password\":\"x\"}";
        return rawFrom(local, "127.0.0.1", port, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n"
                + "Connection: close\r\n" + extraHeaders + "\r\n" + body);
    }

    /** One answer read off a {@link Connection}: header names lower-cased; {@code complete} is false if the
     * connection ended before the declared body did. */
    public record Response(String statusLine, int status, Map<String, List<String>> headers, byte[] body,
                           boolean complete) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(",", values);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A raw client connection to {@code port} on loopback; reads time out after 5 s so a hang fails a test. */
    public static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final BufferedInputStream in;

        public Connection(int port) {
            try {
                socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(5_000);
                in = new BufferedInputStream(socket.getInputStream());
            } catch (IOException e) {
                throw new IllegalStateException("cannot connect to " + port, e);
            }
        }

        /** Writes {@code text} (ISO-8859-1: one byte per char) in one write. */
        public Connection send(String text) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(text.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return this;
            } catch (IOException e) {
                throw new IllegalStateException("send failed", e);
            }
        }

        /**
         * Sends a POST to {@code path} whose head promises a 10-byte body, then 3 bytes of it and nothing more: a
         * caller stalled mid-body, which only main's body deadline ends.
         */
        public Connection stalledPost(String path) {
            return send("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
        }

        public InputStream in() {
            return in;
        }

        /** Reads the next answer, its body framed by Content-Length, chunked coding or the end of the connection. */
        public Response read() {
            return read(false);
        }

        /** Reads the next answer to a HEAD request: a head only, whatever its Content-Length says. */
        public Response readHead() {
            return read(true);
        }

        private Response read(boolean head) {
            try {
                String statusLine;
                int status;
                Map<String, List<String>> headers;
                do {
                    statusLine = line();
                    if (statusLine == null) {
                        throw new IllegalStateException("connection closed before an answer");
                    }
                    status = Integer.parseInt(statusLine.split(" ")[1]);
                    headers = new LinkedHashMap<>();
                    for (String line; !(line = line()).isEmpty(); ) {
                        int colon = line.indexOf(':');
                        headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                name -> new ArrayList<>()).add(line.substring(colon + 1).trim());
                    }
                } while (status >= 100 && status < 200); // interim answers (100 Continue) precede the real one
                Response bare = new Response(statusLine, status, headers, new byte[0], true);
                if (head || status == 204 || status == 304) {
                    return bare;
                }
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                boolean complete;
                if ("chunked".equalsIgnoreCase(bare.header("Transfer-Encoding"))) {
                    complete = chunked(body);
                } else if (bare.header("Content-Length") != null) {
                    complete = copy(body, Long.parseLong(bare.header("Content-Length")));
                } else {
                    in.transferTo(body);
                    complete = true;
                }
                return new Response(statusLine, status, headers, body.toByteArray(), complete);
            } catch (IOException e) {
                throw new IllegalStateException("reading an answer failed", e);
            }
        }

        private boolean chunked(ByteArrayOutputStream body) throws IOException {
            for (String size; (size = line()) != null; ) {
                int length = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (length == 0) {
                    for (String trailer; (trailer = line()) != null && !trailer.isEmpty(); ) {
                        // trailers are dropped
                    }
                    return true;
                }
                if (!copy(body, length) || line() == null) {
                    return false;
                }
            }
            return false;
        }

        private boolean copy(ByteArrayOutputStream body, long length) throws IOException {
            byte[] buffer = new byte[8192];
            for (long left = length; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return false;
                }
                body.write(buffer, 0, n);
                left -= n;
            }
            return true;
        }

        /** One CRLF-terminated line without its terminator, or {@code null} at the end of the connection. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) >= 0; ) {
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
            return line.length() == 0 ? null : line.toString();
        }

        /** Whether the peer closes the connection within {@code millis} without sending anything more. */
        public boolean closedByPeer(int millis) {
            try {
                socket.setSoTimeout(millis);
                return in.read() < 0;
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
