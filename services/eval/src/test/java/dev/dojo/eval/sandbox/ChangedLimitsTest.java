package dev.dojo.eval.sandbox;

import dev.dojo.eval.testing.Api;
import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.eval.testing.EvalProperties;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/how-to/change-sandbox-limits.md, followed once: the limits are set through the variables the page names
 * (here as properties of the same name, which Micronaut resolves the placeholders in application.yml from, as it
 * does environment variables), and a grading run meets the changed values, not the defaults.
 */
@MicronautTest
class ChangedLimitsTest extends ApiTestBase {

    private static final int EFBIG = 27;
    private static final int EMFILE = 24;

    @Override
    public Map<String, String> getProperties() {
        return EvalProperties.of(
                "DOJO_SANDBOX_FILE_BYTES", "65536",       // default 1 MiB
                "DOJO_SANDBOX_OPEN_FILES", "32",          // default 64
                // room for a loaded machine: nothing here should stop at a time limit
                "dojo.sandbox.limits.wall-time", "15s", "dojo.sandbox.limits.cpu-seconds", "10");
    }

    @Test
    void aGradingRunMeetsTheChangedLimits() {
        long sum = createSumExercise();
        Api.Reply response = submit(sum, """
                import os
                fd = os.open('/tmp/big', os.O_WRONLY | os.O_CREAT)
                try:
                    for _ in range(4):
                        os.write(fd, b'x' * 65536)
                except OSError as e:
                    print('file stopped', e.errno, os.fstat(fd).st_size)
                os.close(fd)
                opened = []
                try:
                    while True:
                        opened.append(open('/dev/null'))
                except OSError as e:
                    count = len(opened)
                    for f in opened:
                        f.close()
                    print('files stopped', e.errno, 'after', count)
                """ + SUM, 42);

        assertEquals(201, response.status(), String.valueOf(response.body()));
        String output = (String) response.data().get("output");
        assertTrue(output.contains("file stopped " + EFBIG + " 65536\n"), output);
        // RLIMIT_NOFILE 32 counts the descriptors the run already holds: fewer than 32 more open, not the ~60 of 64
        Matcher files = Pattern.compile("files stopped " + EMFILE + " after (\\d+)\n")
                .matcher(output);
        assertTrue(files.find(), output);
        int opened = Integer.parseInt(files.group(1));
        assertTrue(opened > 0 && opened < 32, output);
        assertEquals("passed", response.data().get("verdict"), String.valueOf(response.data()));
    }
}
