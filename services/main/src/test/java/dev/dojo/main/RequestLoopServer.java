package dev.dojo.main;

import dev.dojo.testing.net.LoopbackServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LoopbackServer} that reads requests one after another off each connection, records each as it arrives
 * and answers it until told to stop: the loop {@link RawService} and {@link RecordingBackend} share. They differ only
 * in how they read a request ({@code R}) and what they answer.
 */
public abstract class RequestLoopServer<R> extends LoopbackServer {

    /** Makes a server; opening its listener may throw. */
    @FunctionalInterface
    protected interface Opener<S> {
        S open() throws IOException;
    }

    private final List<R> seen = new ArrayList<>();

    protected RequestLoopServer() throws IOException {
    }

    /** A loopback listener does not fail to open in practice: a test that meets it fails unchecked. */
    protected static <S extends RequestLoopServer<?>> S started(Opener<S> opener) {
        try {
            return opener.open();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every request seen so far, in arrival order. */
    public synchronized List<R> seen() {
        return List.copyOf(seen);
    }

    /** The path of a request target: without its query. */
    protected static String path(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /**
     * The next request on the connection ({@code connection}-th in accept order, {@code onConnection}-th on it), or
     * null when the connection ends between requests.
     */
    protected abstract R read(InputStream in, int connection, int onConnection) throws IOException;

    /** Writes the answer to {@code request}, or nothing, and tells whether to read another request on the connection. */
    protected abstract boolean answer(R request, OutputStream out) throws IOException;

    @Override
    protected final void serve(Socket socket, int connection) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            for (int onConnection = 1; ; onConnection++) {
                R request = read(in, connection, onConnection);
                if (request == null) {
                    return;
                }
                synchronized (this) {
                    seen.add(request);
                }
                boolean keep = answer(request, out);
                out.flush();
                if (!keep) {
                    return;
                }
            }
        } catch (IOException gone) {
            // the other end went away: nothing to answer
        }
    }
}
