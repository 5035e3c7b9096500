package dev.dojo.main;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A port where TCP connects hang instead of being refused: a listener that never accepts, its backlog filled by
 * idle connections, so the kernel drops further SYNs. Stands in for a host that has vanished from the network,
 * which a sandboxed test machine cannot reach reliably otherwise.
 */
public final class FullBacklogListener implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> fillers = new ArrayList<>();

    public FullBacklogListener() {
        try {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            for (int i = 0; i < 16; i++) {
                Socket filler = new Socket();
                try {
                    filler.connect(listener.getLocalSocketAddress(), 200);
                    fillers.add(filler);
                } catch (IOException full) {
                    filler.close();
                    return;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the backlog never filled: connects would not hang");
    }

    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket filler : fillers) {
            filler.close();
        }
        listener.close();
    }
}
