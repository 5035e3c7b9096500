package dev.dojo.eval.sandbox;

import io.micronaut.core.annotation.Nullable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The byte protocol every language harness speaks. Input (stdin): {@code "<n>\n"}, then the code and the n test
 * calls, each as {@code "<byte length>\n<utf-8 bytes>"}; length-prefixed so the harness needs no JSON parser
 * (importing one doubles Python's start-up). Output (stdout, written only by the harness's trusted parent):
 * {@code "exit=<status of the process that ran the code>\n"} followed by that process's report, a JSON object
 * the service parses as untrusted; or {@code "oversized\n"}.
 */
public final class HarnessProtocol {

    private HarnessProtocol() {
    }

    public static byte[] request(String code, List<String> calls) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((calls.size() + "\n").getBytes(StandardCharsets.US_ASCII));
        item(out, code);
        calls.forEach(call -> item(out, call));
        return out.toByteArray();
    }

    private static void item(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
    }

    /**
     * What the harness answered; null when it wrote nothing usable (it was killed, or the submission killed it).
     *
     * @param exit      exit status of the process that ran the code (negative: killed by that signal)
     * @param oversized the report exceeded the harness's limit
     * @param report    the report bytes (JSON, untrusted)
     */
    public record Answer(int exit, boolean oversized, byte[] report) {
    }

    public static @Nullable Answer parse(byte[] stdout) {
        int newline = -1;
        for (int i = 0; i < stdout.length && i < 32; i++) {
            if (stdout[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) {
            return null;
        }
        String header = new String(stdout, 0, newline, StandardCharsets.US_ASCII);
        if (header.equals("oversized")) {
            return new Answer(0, true, new byte[0]);
        }
        if (!header.startsWith("exit=")) {
            return null;
        }
        try {
            int exit = Integer.parseInt(header.substring(5));
            return new Answer(exit, false, Arrays.copyOfRange(stdout, newline + 1, stdout.length));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
