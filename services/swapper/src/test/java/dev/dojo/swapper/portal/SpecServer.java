package dev.dojo.swapper.portal;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for one Dojo service in swapper's tests: a real HTTP server on loopback that serves a spec file at
 * {@code /swagger/<name>.yml}, the way dojo-common's controller does, and can be stopped to play a service going down.
 */
final class SpecServer implements AutoCloseable {

    private final HttpServer server;
    private final byte[] spec;

    SpecServer(String name, Path specFile) {
        this(name, specFile, 0);
    }

    /** On a given port, to play a service that comes up after swapper (0: any free port). */
    SpecServer(String name, Path specFile, int port) {
        try {
            spec = Files.readAllBytes(specFile);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/swagger/" + name + ".yml", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/yaml");
                exchange.sendResponseHeaders(200, spec.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(spec);
                }
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec as served (read once: the committed files may change while the tests run). */
    String spec() {
        return new String(spec, java.nio.charset.StandardCharsets.UTF_8);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
