package dev.dojo.common.security;

import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The caller read from a validated token: its subject as user id, admin only with the admin role. */
class CallerTest {

    @Test
    void aUserTokenIsAPlainCaller() {
        assertEquals(new Caller(42, false), Caller.of(Authentication.build("42", List.of(Roles.USER))));
    }

    @Test
    void theAdminRoleMakesAnAdmin() {
        assertEquals(new Caller(7, true), Caller.of(Authentication.build("7", List.of(Roles.USER, Roles.ADMIN))));
    }

    @Test
    void aRoleThatMerelyResemblesAdminIsNot() {
        assertEquals(new Caller(7, false), Caller.of(Authentication.build("7", List.of("ADMIN", "administrator"))));
    }

    @Test
    void aSubjectThatIsNoUserIdIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Caller.of(Authentication.build("alice", List.of(Roles.USER))));
        assertEquals("token subject is not a user id", e.getMessage());
    }
}
