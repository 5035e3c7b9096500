package dev.dojo.main;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A downstream on a bare socket, for what a real HTTP server will not do on purpose: close a kept-alive connection
 * between requests or as one arrives, break off mid-body, end a body by closing. Each request is answered by the
 * {@link Answer} set for its path with {@link #on}; by default a 200 with {@code ok <target>} on a kept-alive
 * connection. Request bodies must have a Content-Length.
 */
public final class RawService extends RequestLoopServer<RawService.Request> {

    /**
     * One request as it arrived: on which connection (numbered from 1 in accept order) and as which request on that
     * connection (from 1: above 1, the connection was kept alive and reused).
     */
    public record Request(int connection, int onConnection, String method, String target, byte[] body) {
        public String path() {
            return RequestLoopServer.path(target);
        }
    }

    /** Writes an answer to {@code request} (or nothing) and tells whether the connection stays open. */
    @FunctionalInterface
    public interface Answer {
        boolean write(Request request, OutputStream out) throws IOException;
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private RawService() throws IOException {
    }

    public static RawService start() {
        return started(RawService::new);
    }

    /** Answers requests for {@code path} (without query) with {@code answer}. */
    public void on(String path, Answer answer) {
        answers.put(path, answer);
    }

    /** The requests for {@code path} seen so far, in arrival order. */
    public List<Request> seen(String path) {
        return seen().stream().filter(request -> request.path().equals(path)).toList();
    }

    /** Writes a 200 with a Content-Length and {@code body} as text; the connection stays open. */
    public static boolean ok(OutputStream out, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        return true;
    }

    @Override
    protected boolean answer(Request request, OutputStream out) throws IOException {
        return answers.getOrDefault(request.path(), (r, o) -> ok(o, "ok " + r.target())).write(request, out);
    }

    @Override
    protected Request read(InputStream in, int connection, int onConnection) throws IOException {
        String requestLine = line(in);
        if (requestLine == null) {
            return null;
        }
        int length = 0;
        for (String header; (header = line(in)) != null && !header.isEmpty(); ) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(header.indexOf(':') + 1).trim());
            }
        }
        String[] parts = requestLine.split(" ");
        return new Request(connection, onConnection, parts[0], parts[1], in.readNBytes(length));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') {
                return line.toString().strip();
            }
            line.append((char) c);
        }
        return null;
    }

}
