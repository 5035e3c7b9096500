package dev.dojo.testing.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback listener that hands each accepted connection, numbered from 1 in accept order, to {@link #serve} on a
 * thread of its own, keeps track of the connections still open, and closes them all on {@link #close}: the base of
 * raw-socket stand-ins for a service (main's RawService and RecordingBackend), which differ only in what they do per
 * connection. For a stand-in that speaks ordinary HTTP, {@link StandInServer} is simpler.
 */
public abstract class LoopbackServer implements AutoCloseable {

    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    protected LoopbackServer() throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        threads.execute(this::accept);
    }

    /** Reads and answers one connection until either side closes it. */
    protected abstract void serve(Socket socket, int connection);

    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** How many connections are open (the other end has not closed them). */
    public int openConnections() {
        return open.size();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                int number = connections.incrementAndGet();
                threads.execute(() -> {
                    try {
                        serve(socket, number);
                    } finally {
                        open.remove(socket);
                    }
                });
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // stopping anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // stopping anyway
            }
        }
        threads.shutdownNow();
    }
}
