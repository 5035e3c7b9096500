package dev.dojo.users;

import dev.dojo.common.envelope.Messages;
import dev.dojo.testing.contract.SpecExamples;
import dev.dojo.users.account.Accounts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Every request body in docs/api/users.yml has an example, and sending it as the spec shows is accepted as a valid
 * payload (the answer may still be "that email exists" or "invalid credentials": the body was understood).
 * The contract filter checks each answer against the spec as well.
 */
@MicronautTest(transactional = false)
class SpecExamplesTest extends UsersTest {

    private static final Path SPEC = Path.of("../../docs/api/users.yml");

    @Inject
    Accounts accounts;

    @Test
    void everyRequestBodyHasAnExampleThatTheServiceAccepts() {
        accounts.create("specadmin", "specadmin@example.com", "a long enough password", true);
        String admin = api.login("specadmin@example.com", "a long enough password").authToken();

        List<SpecExamples.Example> examples = SpecExamples.of(SPEC);
        assertFalse(examples.isEmpty(), "no request bodies found in " + SPEC);
        for (SpecExamples.Example example : examples) {
            assertEquals(List.of(), example.missing(), example + ": required properties without an example");
            Api.Reply reply = api.send(HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(example.method()),
                            server.getURL() + example.path().replace("{id}", "1"))
                    .body(example.body()).contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(admin));
            assertNotEquals(Messages.INVALID_PAYLOAD, reply.message(), example + " " + example.body() + " → " + reply);
            assertNotEquals(422, reply.status(), example + " " + example.body() + " → " + reply);
        }
    }
}
