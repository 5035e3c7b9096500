package dev.dojo.main;

import com.sun.net.httpserver.HttpExchange;
import dev.dojo.testing.net.StandInServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback standing in for a downstream service: it records what reached it and answers
 * {@code /ping}, {@code /health/readiness}, a slow path (held until released), a large streamed body, and an echo for everything else.
 * Also: {@code /users/sized?bytes=N} (a JSON body of exactly N bytes, for compression thresholds) and
 * {@code /users/chunked} (a small body of undeclared length, sent chunked), {@code /docs} (an HTML page). A HEAD request gets the head the GET
 * would get, Content-Length included, and no body.
 */
public final class FakeService implements AutoCloseable {

    /**
     * What one request looked like when it reached the service; {@code clientPort} is the caller's side of the TCP
     * connection that carried it, so requests sharing a port came over one (kept-alive) connection.
     */
    public record Seen(String method, String uri, Map<String, List<String>> headers, byte[] body, int clientPort) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : String.join(",", values);
        }
    }

    public static final int BIG_BYTES = 32 * 1024 * 1024;

    private final String name;
    private final StandInServer server;
    private final List<Seen> seen = new ArrayList<>();
    private final AtomicInteger readiness = new AtomicInteger(200);
    private final CountDownLatch releaseSlow = new CountDownLatch(1);

    public static FakeService start(String name) {
        return start(name, 0);
    }

    public static FakeService start(String name, int port) {
        return new FakeService(name, port);
    }

    private FakeService(String name, int port) {
        this.name = name;
        this.server = StandInServer.on(port).handle("/", this::handle).start();
    }

    public String url() {
        return server.url();
    }

    public int port() {
        return server.port();
    }

    /** Lets {@code /users/slow} and {@code /exercises/slow} answer; until then (or {@link #close}) they hold. */
    public void releaseSlow() {
        releaseSlow.countDown();
    }

    public void readinessStatus(int status) {
        readiness.set(status);
    }

    public synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    public synchronized Seen last() {
        return seen.isEmpty() ? null : seen.get(seen.size() - 1);
    }

    public synchronized void forget() {
        seen.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(), List.copyOf(values)));
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/health/readiness")) {
                synchronized (this) {
                    seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body,
                            exchange.getRemoteAddress().getPort()));
                }
            }
            exchange.getResponseHeaders().add("X-Request-Id", "downstream-copy");
            switch (path) {
                // as users, which serves /ping/ as /ping
                case "/ping", "/ping/" -> json(exchange, 200, "{\"status\":\"success\",\"message\":\"pong!\"}");
                case "/health/readiness" -> json(exchange, readiness.get(),
                        "{\"status\":\"" + (readiness.get() == 200 ? "UP" : "DOWN") + "\"}");
                case "/users/slow", "/exercises/slow" -> {
                    awaitRelease();
                    json(exchange, 200, "{\"slow\":true}");
                }
                case "/users/big" -> big(exchange);
                case "/users/sized" -> json(exchange, 200, sized(exchange.getRequestURI().getQuery()));
                case "/users/chunked" -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write("{\"chunked\":".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        out.write("true}".getBytes(StandardCharsets.UTF_8));
                    }
                }
                case "/docs" -> {
                    // a page of swapper's, as its portal sends it: with headers of its own that main must override
                    byte[] page = "<!doctype html><title>docs</title>".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                    exchange.getResponseHeaders().add("Content-Security-Policy", "default-src *");
                    exchange.getResponseHeaders().add("X-Served-By", name);
                    exchange.sendResponseHeaders(200, page.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(page);
                    }
                }
                case "/users/redirect" -> {
                    exchange.getResponseHeaders().add("Location", "/users/elsewhere");
                    exchange.sendResponseHeaders(302, -1);
                }
                default -> {
                    // connection-scoped headers a proxy must drop, plus an ordinary one it must keep
                    exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=downstream");
                    exchange.getResponseHeaders().add("Keep-Alive", "timeout=5");
                    exchange.getResponseHeaders().add("X-Served-By", name);
                    json(exchange, 200, "{\"service\":\"" + name + "\",\"bytes\":" + body.length + "}");
                }
            }
        }
    }

    private static void big(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, 0); // chunked: the proxy cannot know the length up front
        byte[] block = new byte[64 * 1024];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) i;
        }
        try (OutputStream out = exchange.getResponseBody()) {
            for (int sent = 0; sent < BIG_BYTES; sent += block.length) {
                out.write(block);
            }
        }
    }

    /** A JSON object of exactly {@code bytes=N} bytes (at least 10), of varied text so it compresses like text. */
    private static String sized(String query) {
        int bytes = Integer.parseInt(query.substring(query.indexOf("bytes=") + "bytes=".length()));
        StringBuilder json = new StringBuilder("{\"pad\":\"");
        for (int i = 0; json.length() < bytes - 2; i++) {
            json.append((char) ('a' + (i * 7 + i / 26) % 26));
        }
        return json.append("\"}").toString();
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (exchange.getRequestMethod().equals("HEAD")) {
            // the JDK server sends no Content-Length for HEAD unless it is set by hand
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void awaitRelease() {
        try {
            releaseSlow.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        releaseSlow.countDown();
        server.close();
    }
}
