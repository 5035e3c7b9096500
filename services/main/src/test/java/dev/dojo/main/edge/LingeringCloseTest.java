package dev.dojo.main.edge;

import dev.dojo.main.AgainstOneFakeService;
import dev.dojo.main.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A caller still sending when main refuses its body reads main's answer, not a reset: main shuts its output down
 * after the answer and drops what still arrives for at most {@link EdgeGuard#LINGER_SECONDS} seconds. Closing with
 * unread input sends RST, which makes a caller's send fail and can discard the answer before it is read (a JDK
 * client then reports "header parser received no bytes" instead of the 413).
 */
@MicronautTest
class LingeringCloseTest extends AgainstOneFakeService {

    private static final byte[] CHUNK = new byte[64 * 1024];

    @Test
    void aCallerSendingAWholeOversizedBodyReadsThe413() throws IOException {
        for (int attempt = 0; attempt < 5; attempt++) {
            try (Socket socket = connect()) {
                int size = 4 * 1024 * 1024;
                OutputStream out = socket.getOutputStream();
                out.write(head(size));
                for (int sent = 0; sent < size; sent += CHUNK.length) {
                    out.write(CHUNK); // throws on a reset: main closed with this body unread
                }
                out.flush();
                InputStream in = socket.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
                assertTrue(answer.endsWith("{\"status\":\"fail\",\"message\":\"Payload too large.\"}"), answer);
            }
        }
        assertTrue(services.seen().isEmpty(), "nothing reached the service");
    }

    @Test
    void aCallerThatNeverStopsSendingIsCutOff() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(Long.MAX_VALUE / 2));
            // the linger is bounded: main closes, and a write fails, long before this body could end
            assertThrows(IOException.class, () -> {
                for (long sent = 0; sent < 64L * 1024 * 1024 * 1024; sent += CHUNK.length) {
                    out.write(CHUNK);
                }
            });
        }
        assertEquals(200, Http.get("http://127.0.0.1:" + server.getPort(), "/ping").statusCode(),
                "main still serves");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static byte[] head(long contentLength) {
        return ("POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
