package dev.dojo.swapper.portal;

import dev.dojo.testing.net.StandInServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for one Dojo service in swapper's tests: a real HTTP server on loopback that serves a spec file at
 * {@code /swagger/<name>.yml}, the way dojo-common's controller does, and can be stopped to play a service going down.
 */
final class SpecServer implements AutoCloseable {

    private final StandInServer server;
    private final byte[] spec;

    SpecServer(String name, Path specFile) {
        this(name, specFile, 0);
    }

    /** On a given port, to play a service that comes up after swapper (0: any free port). */
    SpecServer(String name, Path specFile, int port) {
        try {
            spec = Files.readAllBytes(specFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = StandInServer.on(port).serve("/swagger/" + name + ".yml", "application/yaml", spec).start();
    }

    /** The spec as served (read once: the committed files may change while the tests run). */
    String spec() {
        return new String(spec, StandardCharsets.UTF_8);
    }

    String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
    }
}
