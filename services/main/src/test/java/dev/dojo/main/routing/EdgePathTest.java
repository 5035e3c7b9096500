package dev.dojo.main.routing;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EdgePathTest {

    @Test
    void plainPathsAreThemselvesAndOneTrailingSlashGoes() {
        assertEquals("/", EdgePath.canonical("/"));
        assertEquals("/", EdgePath.canonical(""));
        assertEquals("/auth/login", EdgePath.canonical("/auth/login"));
        assertEquals("/auth/login", EdgePath.canonical("/auth/login/"));
        assertEquals("/auth/LOGIN", EdgePath.canonical("/auth/LOGIN"), "case is kept: routing is case-sensitive");
        assertEquals("/users/a%20b", EdgePath.canonical("/users/a%20b"), "escapes of reserved text stay");
        assertEquals("/assets/index-CB5yZzbw.css", EdgePath.canonical("/assets/index-CB5yZzbw.css"));
        assertEquals("/docs/swagger-ui.css", EdgePath.canonical("/docs/swagger-ui.css"));
        assertEquals("/a/.b/..c", EdgePath.canonical("/a/.b/..c"), "dots inside a name are not dot segments");
    }

    @Test
    void ambiguousFormsAreRefused() {
        for (String path : new String[]{
                "//auth/login", "/auth//login", "/auth/login//", "/auth/./login", "/auth/x/../login", "/auth/login/.",
                "/auth/login/..", "/auth/%6cogin", "/auth/%6Cogin", "/auth/login%2F", "/auth%2flogin", "/auth/login;x",
                "/auth;v=1/login", "/auth\\login", "/auth/login%5C", "/auth/%2e%2e/health", "/auth/%2E/login",
                "/auth/login%3B", "/auth/login%25", "/auth/login%", "/auth/login%4", "/auth/login%zz",
                "/auth/login%00", "/auth/login%0a", "/auth/login\t", "/auth/login ", "/auth/lögin", "auth/login",
                "/auth/login%7e", "/auth/login%2D", "/auth/login%5F", "/auth/login\u007f"}) {
            assertNull(EdgePath.canonical(path), path);
        }
    }

    @Test
    void aTargetThatReadsAsANetworkPathIsRefused() {
        // java.net.URI reads //auth/login as host "auth" and path "/login": neither reading is routed or counted
        assertEquals(Optional.empty(), EdgePath.of(HttpRequest.GET("//auth/login")));
        assertEquals(Optional.empty(), EdgePath.of(HttpRequest.GET("//users")));
        assertEquals(Optional.of("/auth/login"), EdgePath.of(HttpRequest.GET("/auth/login/?next=%2F%2Fx")));
    }
}
