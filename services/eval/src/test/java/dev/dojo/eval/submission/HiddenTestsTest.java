package dev.dojo.eval.submission;

import dev.dojo.eval.testing.Api;
import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.testing.tokens.TestTokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hidden tests stay hidden from the learner (call, expected and actual value, error text, output), whatever the
 * submission does inside the sandbox, and a submission cannot pass one without computing its value: it controls its
 * whole interpreter, harness included, but all it can send out is values (docs/sandbox.md, "Threat model").
 */
@MicronautTest
class HiddenTestsTest extends ApiTestBase {

    /** Hidden calls, expected values and names: none may ever reach a learner. */
    private static final List<String> SECRETS = List.of("735911", "1471822", "-2924", "-5848", "quiet secret",
            "loud secret");
    private static final String SOLUTION = "def twice(x):\n    return 2 * x\n";

    private long exercise;

    @BeforeAll
    void exercise() {
        Api.Reply created = api.post("/exercises", Map.of(
                "title", "Twice " + System.nanoTime(),
                "body", "Define `twice(x)`.",
                "language", "python",
                "tests", List.of(
                        Map.of("name", "doubles one", "call", "twice(1)", "expected", 2, "hidden", false),
                        Map.of("name", "quiet secret", "call", "twice(735911)", "expected", 1471822, "hidden", true),
                        Map.of("name", "loud secret", "call", "twice(-2924)", "expected", -5848, "hidden", true)),
                "solution", SOLUTION), TestTokens.admin(1));
        assertEquals(201, created.status(), String.valueOf(created.body()));
        exercise = ((Number) created.data().get("id")).longValue();
    }

    @Test
    void learnersSeeHiddenTestsOnlyAsPassedOrFailedAdminsSeeEverything() {
        Api.Reply graded = submit(exercise, "def twice(x):\n    print('got', x)\n    return x + 1\n", 300);
        assertEquals("failed", graded.data().get("verdict"));
        assertEquals(List.of(
                Map.of("name", "doubles one", "hidden", false, "passed", true, "call", "twice(1)", "expected", "2",
                        "actual", "2"),
                Map.of("hidden", true, "passed", false),
                Map.of("hidden", true, "passed", false)), withoutDurations(results(graded)));
        assertEquals("got 1\n", graded.data().get("output"), "only the examples' output is shown");
        long id = ((Number) graded.data().get("id")).longValue();
        assertNoSecrets(graded);
        assertNoSecrets(api.get("/submissions/" + id, TestTokens.user(300)));
        assertNoSecrets(api.get("/submissions?exercise_id=" + exercise, TestTokens.user(300)));
        assertNoSecrets(api.get("/exercises/" + exercise, TestTokens.user(300)));
        assertNoSecrets(api.get("/exercises", null));

        List<Map<String, Object>> admin = results(api.get("/submissions/" + id, TestTokens.admin(1)));
        assertEquals(Map.of("name", "quiet secret", "hidden", true, "passed", false, "call", "twice(735911)",
                "expected", "1471822", "actual", "735912"), withoutDurations(admin).get(1));
        assertTrue(admin.get(2).get("duration_ms") instanceof Number);
    }

    @Test
    void aHiddenTestsErrorTextStaysHidden() {
        Api.Reply graded = submit(exercise, """
                def twice(x):
                    if x != 1:
                        raise ValueError('called with %r' % x)
                    return 2
                """, 301);
        assertEquals("error", graded.data().get("verdict"));
        assertEquals(List.of(Map.of("hidden", true, "passed", false), Map.of("hidden", true, "passed", false)),
                results(graded).subList(1, 3));
        assertNoSecrets(graded);
        List<Map<String, Object>> admin = results(api.get("/submissions/" + id(graded), TestTokens.admin(1)));
        assertEquals("ValueError: called with 735911", admin.get(1).get("error"));
    }

    /**
     * The hidden phase's code can read the hidden calls from the harness's memory (it is a fork of it): whatever it
     * does with them (print, raise, write to every descriptor, leave files or processes for later) reaches no learner.
     */
    @Test
    void codeThatReadsTheHiddenCallsCannotShowThemToTheLearner() {
        String exfiltrate = """
                import os, sys, gc
                found = []
                for obj in gc.get_objects():
                    if isinstance(obj, list) and any(isinstance(c, str) and c.startswith('twice(') for c in obj):
                        found.append(repr(obj))
                leak = ' '.join(found)
                if 'twice(1)' not in leak or len(found) > 1 or '735911' in leak:
                    print('LEAK', leak)
                    sys.stderr.write('LEAK ' + leak + '\\n')
                    for fd in range(64):
                        try:
                            os.write(fd, ('LEAK ' + leak + '\\n').encode())
                        except OSError:
                            pass
                    with open('/tmp/leak', 'w') as f:
                        f.write(leak)
                    if os.fork() == 0:
                        import time
                        for _ in range(10):
                            try:
                                os.write(2, ('LEAK ' + leak + '\\n').encode())
                            except OSError:
                                pass
                            time.sleep(0.02)
                        os._exit(0)
                    raise RuntimeError('LEAK ' + leak)
                try:
                    print('saw before:', open('/tmp/leak').read())
                except OSError:
                    pass
                def twice(x):
                    return 2 * x
                """;
        Api.Reply graded = submit(exercise, exfiltrate, 302);
        assertNoSecrets(graded);
        assertFalse(String.valueOf(graded.body()).contains("LEAK"), String.valueOf(graded.body()));
        // an error (or, on a loaded machine, the wall clock while its helper process lingers): never a pass
        assertTrue(List.of("error", "timeout").contains(graded.data().get("verdict")), String.valueOf(graded.body()));
        assertTrue(List.of("The program failed while running the hidden tests.", "The program ran longer than allowed.")
                .contains(((String) graded.data().get("output")).strip()), String.valueOf(graded.body()));
    }

    /**
     * A submission that rewrites the harness (its functions and captured builtins, builtins, sys.modules, stdout, the
     * result channel) gets nothing for it: it can only report values, and only the right value passes.
     */
    @Test
    void rewritingTheHarnessCannotPassAHiddenTestWhoseValueItDoesNotCompute() {
        String forged = """
                import sys, os, builtins
                harness = sys.modules['__main__']
                fake = lambda *args, **kwargs: 2
                harness._eval = fake
                harness._compile = lambda *args, **kwargs: None
                harness.encode = lambda value, depth=0: '{"int": "0x2"}'
                harness.result = lambda value, ms: '{"ok": true, "passed": true, "value": {"int": "0x2"}, "ms": 0}'
                builtins.eval = fake
                builtins.compile = harness._compile
                builtins.isinstance = lambda *args: True
                sys.modules['time'] = None
                class Forger:
                    def write(self, text):
                        os.write(1, b'exit=0\\n2\\n{}')
                        return len(text)
                    def flush(self):
                        pass
                sys.stdout = Forger()
                sys.stderr = Forger()
                report = b'{"phase": "ok", "verdict": "passed", "results": [' + b', '.join(
                    [b'{"ok": true, "passed": true, "value": {"int": "0x2"}, "ms": 0}'] * 2) + b']}'
                for fd in range(3, 64):
                    try:
                        os.write(fd, report)
                    except OSError:
                        pass
                for fd in (0, 1, 2):
                    try:
                        os.write(fd, b'exit=0\\n%d\\n' % len(report) + report)
                    except OSError:
                        pass
                print('passed')
                twice = lambda x: 2
                """;
        Api.Reply graded = submit(exercise, forged, 303);
        assertNotEquals("passed", graded.data().get("verdict"), String.valueOf(graded.body()));
        assertTrue(results(graded).stream().filter(r -> Boolean.TRUE.equals(r.get("hidden")))
                .noneMatch(r -> Boolean.TRUE.equals(r.get("passed"))), String.valueOf(graded.body()));

        // a tidy rewrite: the harness keeps reporting, but every call "returns" the example's value
        String constant = """
                import sys
                sys.modules['__main__']._eval = lambda *args, **kwargs: 2
                """;
        Api.Reply tidy = submit(exercise, constant, 303);
        assertEquals("failed", tidy.data().get("verdict"), String.valueOf(tidy.body()));
        assertEquals(List.of(true, false, false), results(tidy).stream().map(r -> r.get("passed")).toList());

        // forging the report itself from inside the reporting child: values only, and wrong ones fail
        String lyingReport = """
                import os, sys
                report = b'{"phase": "ok", "results": [' + b', '.join(
                    [b'{"ok": true, "value": {"int": "0x2"}, "ms": 0, "passed": true}'] * 10) + b']}'
                for fd in range(3, 64):
                    try:
                        os.write(fd, report)
                    except OSError:
                        pass
                os._exit(0)
                """;
        Api.Reply lied = submit(exercise, lyingReport, 303);
        assertNotEquals("passed", lied.data().get("verdict"), String.valueOf(lied.body()));

        // the honest computation passes: the same channel, the right values
        assertEquals("passed", submit(exercise, SOLUTION, 303).data().get("verdict"));
    }

    private static void assertNoSecrets(Api.Reply response) {
        assertEquals(200 / 100, response.status() / 100 == 2 ? 2 : response.status(), String.valueOf(response.body()));
        String text = String.valueOf(response.body());
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), "hidden test content '" + secret + "' reached a learner: " + text);
        }
    }

    private static long id(Api.Reply response) {
        return ((Number) response.data().get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(Api.Reply response) {
        return (List<Map<String, Object>>) response.data().get("results");
    }

    private static List<Map<String, Object>> withoutDurations(List<Map<String, Object>> results) {
        return results.stream().map(r -> {
            Map<String, Object> copy = new java.util.HashMap<>(r);
            copy.remove("duration_ms");
            return copy;
        }).toList();
    }
}
