package dev.dojo.common.security;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.rules.SecurityRuleResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which requests the shared rule lets through without a token; everything else must stay UNKNOWN. */
class PublicEndpointsRuleTest {

    private final PublicEndpointsRule rule = new PublicEndpointsRule();

    @ParameterizedTest
    @ValueSource(strings = {"/ping", "/ping/", "/health", "/health/", "/health/liveness", "/health/liveness/", "/swagger/",
            "/swagger/users.yml"})
    void sharedEndpointsAreReadableByAnyone(String path) {
        assertTrue(PublicEndpointsRule.isPublic(HttpRequest.GET(path)), path);
        assertTrue(PublicEndpointsRule.isPublic(HttpRequest.HEAD(path)), "HEAD " + path);
        assertEquals(SecurityRuleResult.ALLOWED, result(HttpRequest.GET(path)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/pingx", "/pingx/", "/ping//", "/healthz", "/healthz/", "/health-admin", "/swagger", "/swaggerx/a",
            "/users", "/", "/api/ping", "/health/../users", "/swagger/../users/1", "/health/..", "/x/health"})
    void otherPathsAreLeftToTheService(String path) {
        assertFalse(PublicEndpointsRule.isPublic(HttpRequest.GET(path)), path);
        assertEquals(SecurityRuleResult.UNKNOWN, result(HttpRequest.GET(path)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"})
    void onlyReadsArePublic(String method) {
        HttpRequest<?> request = HttpRequest.create(HttpMethod.valueOf(method), "/health");
        assertFalse(PublicEndpointsRule.isPublic(request), method);
        assertEquals(SecurityRuleResult.UNKNOWN, result(request));
    }

    @Test
    void runsBeforeMicronautsOwnRules() {
        assertEquals(-300, rule.getOrder());
        assertEquals(PublicEndpointsRule.ORDER, rule.getOrder());
    }

    private SecurityRuleResult result(HttpRequest<?> request) {
        return single(rule.check(request, null));
    }

    static <T> T single(Publisher<T> publisher) {
        List<T> items = new ArrayList<>();
        publisher.subscribe(new Subscriber<T>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(T t) {
                items.add(t);
            }

            @Override
            public void onError(Throwable t) {
                throw new AssertionError(t);
            }

            @Override
            public void onComplete() {
            }
        });
        assertEquals(1, items.size());
        return items.get(0);
    }
}
