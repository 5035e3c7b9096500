package dev.dojo.testing.contract;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract check catches each kind of drift it exists for, and passes what keeps the spec. */
class OpenApiContractTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.of(Path.of("src/test/resources/contract-sample.yml"));

    private static Request get(String path) {
        return new SimpleRequest.Builder("GET", path).build();
    }

    private static Request post(String path, String json) {
        return new SimpleRequest.Builder("POST", path).withContentType("application/json").withBody(json).build();
    }

    private static SimpleResponse json(int status, String body) {
        return SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build();
    }

    @Test
    void aResponseAsDocumentedPasses() {
        assertEquals(List.of(), CONTRACT.breaches(get("/scores/1"),
                json(200, "{\"status\":\"success\",\"data\":{\"exercise_id\":1,\"solved\":true}}")));
    }

    @Test
    void aPropertyNamedOtherwiseThanTheSpecIsABreach() {
        List<String> breaches = CONTRACT.breaches(get("/scores/1"),
                json(200, "{\"status\":\"success\",\"data\":{\"exerciseId\":1,\"solved\":true}}"));
        assertTrue(breaches.toString().contains("exercise_id"), breaches.toString());
    }

    @Test
    void aWrongTypeIsABreach() {
        assertEquals(1, CONTRACT.breaches(get("/scores/1"),
                json(200, "{\"status\":\"success\",\"data\":{\"exercise_id\":\"1\",\"solved\":true}}")).size());
    }

    @Test
    void anUndocumentedStatusIsABreach() {
        List<String> breaches = CONTRACT.breaches(get("/scores/1"), json(500, "{\"status\":\"error\",\"message\":\"x\"}"));
        assertTrue(breaches.toString().contains("500"), breaches.toString());
    }

    @Test
    void anErrorOutsideTheEnvelopeIsABreach() {
        assertEquals(1, CONTRACT.breaches(get("/scores/1"), json(404, "{\"error\":\"not found\"}")).size());
    }

    @Test
    void acceptingARequestTheSpecRejectsIsABreach() {
        List<String> breaches = CONTRACT.breaches(post("/submissions", "{\"exerciseId\":1,\"code\":\"x\"}"),
                SimpleResponse.Builder.status(201).build());
        assertTrue(breaches.toString().contains("to a request the spec rejects"), breaches.toString());
    }

    @Test
    void refusingARequestTheSpecRejectsKeepsTheContract() {
        assertEquals(List.of(), CONTRACT.breaches(post("/submissions", "{\"exerciseId\":1,\"code\":\"x\"}"),
                json(400, "{\"status\":\"fail\",\"message\":\"Invalid payload.\"}")));
    }

    @Test
    void transportErrorsNeedOnlyTheEnvelope() {
        assertEquals(List.of(), CONTRACT.breaches(post("/submissions", "{}"),
                json(413, "{\"status\":\"fail\",\"message\":\"Payload too large.\"}")));
        assertEquals(1, CONTRACT.breaches(post("/submissions", "{}"), json(415, "<html>")).size());
    }

    @Test
    void valuesDeclaredAnyJsonAreNotJudgedButTheRestIs() {
        OpenApiContract lenient = OpenApiContract.of(Path.of("src/test/resources/contract-sample.yml"),
                java.util.Optional.of(java.util.regex.Pattern.compile("/exercise_id")));
        assertEquals(List.of(), lenient.breaches(post("/submissions", "{\"exercise_id\":\"1\",\"code\":\"x\"}"),
                SimpleResponse.Builder.status(201).build()));
        assertEquals(1, lenient.breaches(post("/submissions", "{\"exercise_id\":\"1\",\"code\":5}"),
                SimpleResponse.Builder.status(201).build()).size());
    }

    @Test
    void pathsOutsideTheSpecAreNotJudged() {
        assertEquals(List.of(), CONTRACT.breaches(get("/health"), json(200, "{\"status\":\"UP\"}")));
    }

    @Test
    void checkThrowsNamingTheExchange() {
        ContractViolation violation = assertThrows(ContractViolation.class, () -> CONTRACT.check(get("/scores/1"),
                json(500, "{}")));
        assertTrue(violation.getMessage().startsWith("GET /scores/1 vs contract-sample.yml: "), violation.getMessage());
    }

    @Test
    void specExamplesAreAssembledFromPropertyExamples() {
        List<SpecExamples.Example> examples = SpecExamples.of(Path.of("src/test/resources/contract-sample.yml"));
        assertEquals(1, examples.size());
        assertEquals("{exercise_id=1, code=print(1)}", String.valueOf(examples.get(0).body()));
        assertEquals(List.of(), examples.get(0).missing());
    }
}
