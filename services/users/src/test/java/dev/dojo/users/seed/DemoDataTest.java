package dev.dojo.users.seed;

import dev.dojo.testing.api.JsonApi.Reply;
import dev.dojo.users.UsersTest;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** dojo.seed-demo=true loads the contract's seed users and an admin, once. */
@MicronautTest(transactional = false)
class DemoDataTest extends UsersTest {

    @Inject
    DemoData demoData;

    @Override
    protected Map<String, String> extra() {
        return Map.of("dojo.seed-demo", "true");
    }

    @Test
    void seedsTheDemoAccountsIdempotently() {
        assertEquals(3, api.userCount());
        demoData.onApplicationEvent(new StartupEvent(server.getApplicationContext()));
        assertEquals(3, api.userCount());

        Reply michael = api.login("michael@realpython.com", "test").expect(200, "success", "Successfully logged in.");
        assertEquals("michael", api.get("/auth/status", michael.authToken()).data().get("username"));
        Reply herman = api.login("michael@mherman.org", "test").expect(200, "success", "Successfully logged in.");
        assertEquals("michaelherman", api.get("/auth/status", herman.authToken()).data().get("username"));

        Reply admin = api.login("admin@dojo.dev", "dojo-admin-password").expect(200, "success", "Successfully logged in.");
        assertEquals(true, api.get("/auth/status", admin.authToken()).data().get("admin"));
        api.post("/users", Map.of("username", "newbie1", "email", "newbie@example.com",
                "password", "a long enough password"), admin.authToken())
                .expect(201, "success", "newbie@example.com was added!");
    }
}
