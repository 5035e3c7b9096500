package dev.dojo.eval.sandbox;

import dev.dojo.eval.testing.Api;
import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.eval.testing.EvalProperties;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
        Api.Response response = submit(sum, """
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
                    print('files stopped', e.errno)
                import resource
                print('nofile', resource.getrlimit(resource.RLIMIT_NOFILE)[0])
                for f in opened:
                    f.close()
                """ + SUM, 42);

        assertEquals(201, response.status(), String.valueOf(response.body()));
        String output = (String) response.data().get("output");
        assertTrue(output.contains("file stopped " + EFBIG + " 65536\n"), output);
        assertTrue(output.contains("files stopped " + EMFILE + "\n"), output);
        assertTrue(output.contains("nofile 32\n"), output);
        assertEquals("passed", response.data().get("verdict"), String.valueOf(response.data()));
    }
}
