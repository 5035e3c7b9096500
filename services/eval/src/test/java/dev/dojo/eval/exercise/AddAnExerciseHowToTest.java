package dev.dojo.eval.exercise;

import dev.dojo.eval.testing.Api;
import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.testing.tokens.TestTokens;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/how-to/add-an-exercise.md, followed once: the request body is read from the page itself (its heredoc) and
 * sent as an admin, as the page says; then the page's other claim, that a solution failing a test is refused naming
 * the test.
 */
@MicronautTest
class AddAnExerciseHowToTest extends ApiTestBase {

    private static final Path HOW_TO = Path.of("../../docs/how-to/add-an-exercise.md");
    private static final Pattern HEREDOC = Pattern.compile("<<'JSON'\\n(.*?)\\nJSON\\n", Pattern.DOTALL);

    @Inject
    JsonMapper json;

    @Test
    void theBodyOnThePageCreatesTheExercise() throws IOException {
        Map<String, Object> body = bodyOnThePage();

        Api.Reply created = api.post("/exercises", body, TestTokens.admin(1));

        assertEquals(201, created.status(), String.valueOf(created.body()));
        assertEquals(body.get("title"), created.data().get("title"));
        long id = ((Number) created.data().get("id")).longValue();
        Api.Reply graded = submit(id, (String) body.get("solution"), 7);
        assertEquals("passed", graded.data().get("verdict"), String.valueOf(graded.body()));
    }

    @Test
    void aSolutionThatFailsATestIsRefusedNamingTheTest() throws IOException {
        Map<String, Object> body = new HashMap<>(bodyOnThePage());
        body.put("title", body.get("title") + " (wrong)");
        body.put("solution", "def double(x):\n    return x\n");

        Api.Reply refused = api.post("/exercises", body, TestTokens.admin(1));

        assertEquals(400, refused.status(), String.valueOf(refused.body()));
        assertTrue(refused.message().contains("doubles 2"), refused.message());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> bodyOnThePage() throws IOException {
        Matcher heredoc = HEREDOC.matcher(Files.readString(HOW_TO));
        assertTrue(heredoc.find(), "no <<'JSON' … JSON block in " + HOW_TO);
        return json.readValue(heredoc.group(1), Map.class);
    }
}
