package dev.dojo.users.account;

import dev.dojo.common.envelope.Envelope;
import dev.dojo.users.UsersTest;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * GET /users on a platform without accounts is an empty list, not a missing one (users' serializer, as configured
 * for the service, leaves out empty values elsewhere). Written with the service's own mapper, as UserListCache
 * writes the answer; the contract check of every API test holds the list required.
 */
@MicronautTest(transactional = false)
class UserListJsonTest extends UsersTest {

    @Inject
    JsonMapper json;

    @Test
    void anEmptyListIsWrittenAsAnEmptyArray() throws Exception {
        assertEquals("{\"status\":\"success\",\"data\":{\"users\":[]}}",
                new String(json.writeValueAsBytes(Envelope.data(new UserList(List.of()))), StandardCharsets.UTF_8));
    }
}
