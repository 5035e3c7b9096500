package dev.dojo.main.accesslog;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** In tests main's access lines are kept here, where a test can read them, instead of going to standard output. */
@Singleton
@Replaces(AccessLogOutput.class)
@Requires(env = Environment.TEST)
public class CapturedAccessLog extends AccessLogOutput {

    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void write(byte[] written) {
        lines.addAll(Arrays.asList(new String(written, StandardCharsets.UTF_8).split("\n")));
    }

    /** Every line written so far, in order. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * The lines that contain {@code text}: waits up to two seconds for the first (the writer runs every 20 ms), then
     * a few more rounds, so that a second line would be seen too.
     */
    public List<String> awaitLinesWith(String text) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (linesWith(text).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(100);
        return linesWith(text);
    }

    private List<String> linesWith(String text) {
        return lines().stream().filter(line -> line.contains(text)).toList();
    }
}
