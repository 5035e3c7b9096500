package dev.dojo.main.accesslog;

import dev.dojo.testing.Eventually;
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
     * The lines that contain {@code text}, read once a line containing {@code fence} has been written: the writer
     * keeps the order of the requests, so a fence request sent after the ones of interest (and answered) means
     * every line of theirs is already here, a duplicate included. Polled with a deadline, never slept.
     */
    public List<String> linesWithBefore(String text, String fence) {
        Eventually.until("an access line with " + fence, () -> !linesWith(fence).isEmpty());
        return linesWith(text);
    }

    private List<String> linesWith(String text) {
        return lines().stream().filter(line -> line.contains(text)).toList();
    }
}
