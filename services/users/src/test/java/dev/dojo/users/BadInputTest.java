package dev.dojo.users;

import dev.dojo.testing.api.JsonApi.Reply;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input list: each answer is a 4xx envelope, never a 500, and nothing is written.
 */
@MicronautTest(transactional = false)
class BadInputTest extends UsersTest {

    private static final String PASSWORD = "a long enough password";
    private static final List<String> WRITE_PATHS = List.of("/auth/register", "/auth/login", "/auth/refresh");



    @BeforeAll
    void connect() {
    }

    @Test
    void malformedJsonIsAnInvalidPayload() {
        for (String path : WRITE_PATHS) {
            for (String body : List.of("{", "{\"username\":", "not json", "[]", "null", "\"text\"", "{\"a\":1}}",
                    "{\"email\":\"x@example.com\",}")) {
                assertRefused(api.postRaw(path, body, MediaType.APPLICATION_JSON), 400, path + " " + body);
            }
        }
    }

    /** A body is one JSON value: Micronaut's reader would act on the first and drop the rest. */
    @Test
    void whateverFollowsTheJsonValueIsRefused() {
        String name = unique();
        api.register(name, name + "@example.com", PASSWORD).expect(201, "success", "Successfully registered.");
        String login = "{\"email\":\"" + name + "@example.com\",\"password\":\"" + PASSWORD + "\"}";
        String other = unique();
        String register = "{\"username\":\"" + other + "\",\"email\":\"" + other + "@example.com\",\"password\":\""
                + PASSWORD + "\"}";
        int before = api.userCount();
        for (String tail : List.of(" x", "}", "]", ",", "{}", login, "null", "\u0000")) {
            assertRefused(api.postRaw("/auth/login", login + tail, MediaType.APPLICATION_JSON), 400, "login " + tail);
            assertRefused(api.postRaw("/auth/register", register + tail, MediaType.APPLICATION_JSON), 400,
                    "register " + tail);
        }
        assertEquals(before, api.userCount(), "a refused registration wrote a row");
        // whitespace after the value is not content: the same bodies are read
        api.postRaw("/auth/login", login + " \n", MediaType.APPLICATION_JSON)
                .expect(200, "success", "Successfully logged in.");
    }

    /**
     * A name that would look like another one is refused: a trailing no-break space ("michael\u00A0" beside
     * "michael"), a direction override, zero-width characters, tag characters, a decomposed accent beside the
     * composed one (NFC). And a lone surrogate escape is no text at all: it was stored as "?", a name the client
     * never sent.
     */
    @Test
    void namesThatLookLikeOthersOrAreNoTextAreRefused() {
        int before = api.userCount();
        // beyond the first plane too: tag characters draw nothing ("dojoadmin" + U+E0041 was listed as "dojoadmin"),
        // nor do the supplementary variation selectors; private use draws whatever a font decides
        for (String invisible : List.of("\u00A0", "\u202E", "\u200B", "\u200D", "\u2066", "\uFEFF", "\u3000",
                "\u0085", "\u061C", "\u180E", "\uDB40\uDC41", "\uDB40\uDC01", "\uDB40\uDD00", "\uE000",
                "\uDB80\uDC00", "\u2800", "\u3164", "\u2028", "\uFDD0", "\u034F")) {
            String name = unique() + invisible + "x";
            Reply reply = api.post("/auth/register", Map.of("username", name, "email", unique() + "@example.com",
                    "password", PASSWORD));
            assertEquals(400, reply.status(), () -> name + " → " + reply.body());
            assertEquals(List.of(Map.of("field", "username", "message",
                    "must not contain control or invisible characters")), reply.errors(), name);
        }
        // the same name twice: "ń" as one character (NFC) and as "n" + a combining acute accent
        Reply decomposed = api.post("/auth/register", Map.of("username", unique() + "n\u0301",
                "email", unique() + "@example.com", "password", PASSWORD));
        assertEquals(400, decomposed.status(), () -> String.valueOf(decomposed.body()));
        assertEquals(List.of(Map.of("field", "username", "message", "must be in Unicode normalization form C (NFC)")),
                decomposed.errors());
        // a page draws "michael " as "michael" and "a  b" as "a b": spaces at the ends or doubled read as another name
        for (String spaced : List.of(unique() + " ", " " + unique(), unique() + "  x")) {
            Reply reply = api.post("/auth/register", Map.of("username", spaced, "email", unique() + "@example.com",
                    "password", PASSWORD));
            assertEquals(400, reply.status(), () -> "'" + spaced + "' → " + reply.body());
            assertEquals(List.of(Map.of("field", "username", "message",
                    "must not begin or end with a space or hold two spaces in a row")), reply.errors(), spaced);
        }
        // an email is shown in the users list as well
        Reply hiddenInEmail = api.post("/auth/register", Map.of("username", unique(),
                "email", "mich\u200Bael" + unique() + "@example.com", "password", PASSWORD));
        assertEquals(400, hiddenInEmail.status(), () -> String.valueOf(hiddenInEmail.body()));
        assertEquals(List.of(Map.of("field", "email", "message", "must not contain control or invisible characters")),
                hiddenInEmail.errors());
        for (String field : List.of("username", "email", "password")) {
            String body = "{\"username\":\"" + unique() + (field.equals("username") ? "\\ud800" : "")
                    + "\",\"email\":\"" + unique() + (field.equals("email") ? "\\udfff" : "") + "@example.com\","
                    + "\"password\":\"" + PASSWORD + (field.equals("password") ? "\\udbff" : "") + "\"}";
            Reply reply = api.postRaw("/auth/register", body, MediaType.APPLICATION_JSON);
            assertEquals(400, reply.status(), () -> body + " → " + reply.body());
            assertEquals(List.of(Map.of("field", field, "message", "must be valid Unicode text")), reply.errors(),
                    body);
        }
        assertEquals(before, api.userCount(), "a refused registration wrote a row");
        // a pair of surrogates is one character, and names in any script are welcome
        api.post("/auth/register", Map.of("username", "\u00e9l\u00e8ve \ud83e\udd4b \u0144 " + unique().substring(0, 6),
                "email", unique() + "@example.com", "password", PASSWORD))
                .expect(201, "success", "Successfully registered.");
    }

    /**
     * Homoglyphs: "michael" with a Cyrillic "а" (U+0430) or a Greek "ο", or written in full-width letters, read as
     * "michael" in the users list; so do a ligature and a Bengali digit beside Latin letters. Names in one script,
     * or in a language's mix of scripts, are welcome.
     */
    @Test
    void namesThatPassForAnotherInAnotherScriptOrWidthAreRefused() {
        int before = api.userCount();
        for (String mixed : List.of("mich\u0430el", "michael\u03bf", "d\u043ejoadmin", "michael\u09e7",
                "\u0430dmin user")) {
            Reply reply = api.post("/auth/register", Map.of("username", mixed + unique().substring(0, 4),
                    "email", unique() + "@example.com", "password", PASSWORD));
            assertEquals(400, reply.status(), () -> mixed + " → " + reply.body());
            assertEquals(List.of(Map.of("field", "username", "message", "must not mix letters of different scripts")),
                    reply.errors(), mixed);
        }
        String compatibility = "must not contain full-width, ligature or other compatibility characters (Unicode NFKC)";
        for (String wide : List.of("\uff4d\uff49\uff43\uff48\uff41\uff45\uff4c", "michael\uff11", "\ufb01nley",
                "michael\u00b2")) {
            Reply reply = api.post("/auth/register", Map.of("username", wide + unique().substring(0, 4),
                    "email", unique() + "@example.com", "password", PASSWORD));
            assertEquals(400, reply.status(), () -> wide + " → " + reply.body());
            assertEquals(List.of(Map.of("field", "username", "message", compatibility)), reply.errors(), wide);
        }
        Reply wideEmail = api.post("/auth/register", Map.of("username", unique(),
                "email", "\uff4dichael" + unique() + "@example.com", "password", PASSWORD));
        assertEquals(400, wideEmail.status(), () -> String.valueOf(wideEmail.body()));
        assertEquals(List.of(Map.of("field", "email", "message", compatibility)), wideEmail.errors());
        assertEquals(before, api.userCount(), "a refused registration wrote a row");
        for (String name : List.of("\u0418\u0432\u0430\u043d_\u041f\u0435\u0442\u0440\u043e\u0432",
                "\u5c71\u7530\u305f\u308d\u3046 Taro", "\ud64d\uae38\ub3d9 Hong", "Zo\u00eb O'Brien-2")) {
            // a suffix of digits, which belong to every script
            String digits = Long.toString(Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
            api.post("/auth/register", Map.of("username", name + " " + digits,
                    "email", unique() + "@example.com", "password", PASSWORD))
                    .expect(201, "success", "Successfully registered.");
        }
    }

    @Test
    void emptyBodiesAreRefused() {
        for (String path : WRITE_PATHS) {
            assertRefused(api.postRaw(path, "", MediaType.APPLICATION_JSON), 400, path);
            assertRefused(api.postRaw(path, "{}", MediaType.APPLICATION_JSON), 400, path);
        }
    }

    /** Values of another JSON type are refused (no coercion, no unwrapping); StrictJsonTest covers every field. */
    @Test
    void wrongTypesAreRefused() {
        int before = api.userCount();
        String name = unique();
        List<Map<String, Object>> bodies = List.of(
                Map.of("username", Map.of("x", 1), "email", name + "@example.com", "password", PASSWORD),
                Map.of("username", name, "email", 12345678, "password", PASSWORD),
                Map.of("username", name, "email", name + "@example.com", "password", true),
                Map.of("username", name, "email", name + "@example.com", "password", List.of(PASSWORD, PASSWORD)));
        for (Map<String, Object> body : bodies) {
            assertRefused(api.post("/auth/register", body), 400, body.toString());
        }
        assertRefused(api.post("/auth/login", Map.of("email", Map.of("a", 1), "password", PASSWORD)), 400, "login");
        assertEquals(before, api.userCount());
    }

    @Test
    void missingAndExtraFieldsAreRefused() {
        int before = api.userCount();
        String name = unique();
        assertRefused(api.post("/auth/register", Map.of("username", name, "email", name + "@example.com")), 400,
                "missing password");
        Reply extra = api.post("/auth/register", Map.of("username", name, "email", name + "@example.com",
                "password", PASSWORD, "admin", true));
        assertRefused(extra, 400, "extra admin field");
        assertEquals(before, api.userCount());
    }

    @Test
    void oversizedBodiesAreRefused() {
        int before = api.userCount();
        String name = unique();
        String huge = "x".repeat(1024 * 1024);
        Reply reply = api.post("/auth/register", Map.of("username", name, "email", name + "@example.com",
                "password", huge));
        assertTrue(reply.status() == 413 || reply.status() == 400, () -> "status " + reply.status());
        assertEquals("fail", reply.body().get("status"));
        assertRefused(api.post("/auth/login", Map.of("email", "a@example.com", "password", huge)),
                reply.status(), "login");
        assertEquals(before, api.userCount());
    }

    @Test
    void otherContentTypesAreRefused() {
        Reply reply = api.postRaw("/auth/login", "email=a@example.com&password=x", MediaType.APPLICATION_FORM_URLENCODED);
        assertTrue(reply.status() >= 400 && reply.status() < 500, () -> "status " + reply.status());
        assertEquals("fail", reply.body().get("status"));
        assertRefused(api.postRaw("/auth/login", "hello", MediaType.TEXT_PLAIN), 415, "text/plain");
    }

    @Test
    void controlCharactersAreRefused() {
        int before = api.userCount();
        for (String username : List.of("abc\u0000defg", "abc\ndefgh", "abc\u001bdefg", "abcd\u2028efg")) {
            String email = unique() + "@example.com";
            assertRefused(api.register(username, email, PASSWORD), 400, username);
        }
        assertRefused(api.register(unique(), "a\u0000b@example.com", PASSWORD), 400, "NUL in email");
        assertRefused(api.register(unique(), "a b@example.com", PASSWORD), 400, "space in email");
        assertEquals(before, api.userCount());
    }

    @Test
    void unicodeIsStoredFaithfully() {
        String username = "ユーザー名前テスト" + unique().substring(0, 4);
        String email = "ü" + unique() + "@exämple.com";
        api.register(username, email, "pässwörd-ключ-密码").expect(201, "success", "Successfully registered.");
        Reply login = api.login(email, "pässwörd-ключ-密码").expect(200, "success", "Successfully logged in.");
        Reply status = api.get("/auth/status", login.authToken());
        assertEquals(username, status.data().get("username"));
        assertEquals(email, status.data().get("email"));
    }

    @Test
    void sqlMetacharactersAreJustText() {
        String username = "robert'); DROP TABLE users;--";
        String email = unique() + "@example.com";
        api.register(username, email, PASSWORD).expect(201, "success", "Successfully registered.");
        api.login("' OR '1'='1", "' OR '1'='1").expectFail(401, "User does not exist.");
        api.login(email + "' --", PASSWORD).expectFail(401, "User does not exist.");
        Reply status = api.get("/auth/status", api.login(email, PASSWORD).authToken());
        assertEquals(username, status.data().get("username"));
        assertTrue(api.userCount() >= 1);
    }

    @Test
    void unknownPathsAndMethodsAreEnvelopes() {
        api.get("/nope").expectFail(404, "Not found.");
        Reply wrongMethod = api.send(HttpRequest.DELETE(server.getURL() + "/users/1"));
        assertTrue(wrongMethod.status() == 405 || wrongMethod.status() == 404, () -> "status " + wrongMethod.status());
        assertEquals("fail", wrongMethod.body().get("status"));
    }

    /** A 4xx of the expected status in the envelope with a message and no trace of internals. */
    private static void assertRefused(Reply reply, int status, String what) {
        assertEquals(status, reply.status(), () -> what + " → " + reply.body());
        assertEquals("fail", reply.body().get("status"), what);
        String message = reply.message();
        assertTrue(message != null && !message.contains("Exception") && !message.contains("at "), what + ": " + message);
        String whole = String.valueOf(reply.body());
        for (String internal : List.of("java.", "deserialize", "Source:", "coerce", "Exception")) {
            assertTrue(!whole.contains(internal), what + " leaks parser internals: " + whole);
        }
    }

    private static String unique() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    }
}
