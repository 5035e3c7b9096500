package dev.dojo.eval.testing;

import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A probe inside the real sandbox: the probe's code runs before a correct {@code sum}, so the submission passes and
 * the probe's printed findings come back as its output.
 */
public abstract class SandboxProbeTestBase extends ApiTestBase {

    private long sum;

    /** Nothing here should stop at a time limit: room for a loaded machine (the 2 s test default was hit at load 25). */
    @Override
    public Map<String, String> getProperties() {
        return EvalProperties.of("dojo.sandbox.limits.wall-time", "15s", "dojo.sandbox.limits.cpu-seconds", "10");
    }

    @BeforeAll
    void exercise() {
        sum = createSumExercise();
    }

    /** Runs {@code code} in the sandbox ahead of a correct solution; the run must pass; returns what it printed. */
    protected String passingOutput(String code) {
        Api.Reply response = submit(sum, code + "\n" + SUM, 42);
        assertEquals(201, response.status(), String.valueOf(response.body()));
        Map<String, Object> data = response.data();
        assertEquals("passed", data.get("verdict"), String.valueOf(data));
        return (String) data.get("output");
    }
}
