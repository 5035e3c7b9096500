package dev.dojo.eval.sandbox;

import io.micronaut.core.annotation.Nullable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The byte protocol every language harness speaks (docs/sandbox.md, "Harness protocol"). Input (stdin):
 * {@code "<examples> <hidden>\n"}, then the code, the example calls and the hidden calls, each as
 * {@code "<byte length>\n<utf-8 bytes>"}; length-prefixed so the harness needs no JSON parser (importing one doubles
 * Python's start-up). No expected value is ever part of it. Output (stdout, written only by the harness's trusted
 * parent): per phase (examples, then hidden tests) {@code "exit=<status>\n<length>\n"} and that many bytes of the
 * report of the process that ran the code (a JSON object the service parses as untrusted); or {@code "oversized\n"}.
 */
public final class HarnessProtocol {

    private static final int MAX_HEADER = 32;

    private HarnessProtocol() {
    }

    public static byte[] request(String code, List<String> exampleCalls, List<String> hiddenCalls) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((exampleCalls.size() + " " + hiddenCalls.size() + "\n").getBytes(StandardCharsets.US_ASCII));
        item(out, code);
        exampleCalls.forEach(call -> item(out, call));
        hiddenCalls.forEach(call -> item(out, call));
        return out.toByteArray();
    }

    /** The readiness probe's request: {@code 6 * 7} as an example, nothing hidden. */
    public static byte[] probeRequest() {
        return request("", List.of("6 * 7"), List.of());
    }

    /** True if the answer is what a working harness returns for {@link #probeRequest()}. */
    public static boolean probeAnswered(byte[] stdout) {
        Answer answer = parse(stdout);
        return answer != null && !answer.oversized() && answer.phases().size() == 2
                && answer.phases().get(0).exit() == 0
                && new String(answer.phases().get(0).report(), StandardCharsets.UTF_8).contains("{\"int\": \"0x2a\"}");
    }

    private static void item(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
    }

    /**
     * One phase's answer.
     *
     * @param exit   exit status of the process that ran the code (negative: killed by that signal)
     * @param report the report bytes (JSON, untrusted)
     */
    public record Phase(int exit, byte[] report) {
    }

    /**
     * What the harness answered: the phases it completed, in order (examples, hidden tests), and whether it stopped
     * because a report exceeded its limit.
     */
    public record Answer(List<Phase> phases, boolean oversized) {
    }

    /** Null when the harness wrote nothing usable (it was killed, or the submission killed it, before phase 1). */
    public static @Nullable Answer parse(byte[] stdout) {
        List<Phase> phases = new ArrayList<>();
        int at = 0;
        while (at < stdout.length && phases.size() < 2) {
            int newline = lineEnd(stdout, at);
            if (newline < 0) {
                break;
            }
            String header = new String(stdout, at, newline - at, StandardCharsets.US_ASCII);
            if (header.equals("oversized")) {
                return new Answer(phases, true);
            }
            int lengthEnd = lineEnd(stdout, newline + 1);
            if (!header.startsWith("exit=") || lengthEnd < 0) {
                break;
            }
            try {
                int exit = Integer.parseInt(header.substring(5));
                int length = Integer.parseInt(new String(stdout, newline + 1, lengthEnd - newline - 1,
                        StandardCharsets.US_ASCII));
                int start = lengthEnd + 1;
                if (length < 0 || length > stdout.length - start) {
                    break;
                }
                phases.add(new Phase(exit, Arrays.copyOfRange(stdout, start, start + length)));
                at = start + length;
            } catch (NumberFormatException e) {
                break;
            }
        }
        return phases.isEmpty() ? null : new Answer(List.copyOf(phases), false);
    }

    private static int lineEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length && i < from + MAX_HEADER; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
