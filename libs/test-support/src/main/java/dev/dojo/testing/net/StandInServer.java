package dev.dojo.testing.net;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback standing in for another service in a test (the JDK's server: no framework of ours
 * on the other end). Handlers are added per path; {@link #close} stops it at once, to play a service going down.
 */
public final class StandInServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    private StandInServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        server.setExecutor(threads);
    }

    /** Listens on {@code port} (0: any free port); add handlers, then {@link #start}. */
    public static StandInServer on(int port) {
        return new StandInServer(port);
    }

    public StandInServer handle(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    /** Answers {@code path} (and below) with {@code body} as {@code contentType}, status 200. */
    public StandInServer serve(String path, String contentType, byte[] body) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    public StandInServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
