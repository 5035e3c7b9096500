package dev.dojo.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks a service's {@code GET /health/readiness} until it answers 200. */
public final class ReadinessProbe {

    /**
     * eval's sandbox indicator puts why it cannot grade into its readiness details ({@code "detail":"sandbox
     * unavailable: …"}, visible on eval's own port). The probe runs before eval listens, so its first answer already
     * says it; a regex over that one field spares the launcher a JSON library.
     */
    private static final Pattern SANDBOX_PROBLEM =
            Pattern.compile("\"detail\"\\s*:\\s*\"(sandbox unavailable: (?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** The answer of one probe: ready, or not and (for eval) why it cannot grade if it said so. */
    public record Answer(boolean ready, Optional<String> sandboxProblem) {
        static final Answer NOT_YET = new Answer(false, Optional.empty());
    }

    public Answer ask(int port) {
        if (!listening(port)) {
            return Answer.NOT_YET;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return new Answer(true, Optional.empty());
            }
            return new Answer(false, sandboxProblem(response.body()));
        } catch (IOException e) {
            return Answer.NOT_YET;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.NOT_YET;
        }
    }

    static Optional<String> sandboxProblem(String body) {
        Matcher m = SANDBOX_PROBLEM.matcher(body);
        return m.find() ? Optional.of(m.group(1).replace("\\n", " ").replaceAll("\\\\(.)", "$1")) : Optional.empty();
    }

    /** A plain TCP connect first: cheaper than HTTP while the JVM is still booting. */
    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
