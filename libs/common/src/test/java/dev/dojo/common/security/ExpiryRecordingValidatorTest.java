package dev.dojo.common.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.security.token.Claims;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The expiry check: refuses expired and exp-less tokens, and marks only an expired one on the request. */
class ExpiryRecordingValidatorTest {

    private static final long HOUR = 3_600_000L;

    private final ExpiryRecordingValidator<Object> validator = new ExpiryRecordingValidator<>();

    @Test
    void aTokenWithExpAheadPassesAndLeavesNoMark() {
        MutableHttpRequest<?> request = HttpRequest.GET("/");
        assertTrue(validator.validate(claims(new Date(System.currentTimeMillis() + HOUR)), request));
        assertFalse(expiredMark(request));
    }

    @Test
    void anExpiredTokenFailsAndIsMarkedExpired() {
        MutableHttpRequest<?> request = HttpRequest.GET("/");
        assertFalse(validator.validate(claims(new Date(System.currentTimeMillis() - HOUR)), request));
        assertTrue(expiredMark(request));
        assertEquals(TokenRejection.EXPIRED,
                TokenRejection.of(request.header("Authorization", "Bearer abc")));
    }

    @Test
    void anExpiredTokenOutsideAnHttpRequestFailsToo() {
        assertFalse(validator.validate(claims(new Date(System.currentTimeMillis() - HOUR)), null));
        assertFalse(validator.validate(claims(new Date(System.currentTimeMillis() - HOUR)), "not a request"));
    }

    @Test
    void expGivenAsSecondsIsRead() {
        long nowSeconds = System.currentTimeMillis() / 1000;
        assertTrue(validator.validate(claims(nowSeconds + 3600), null));
        MutableHttpRequest<?> request = HttpRequest.GET("/");
        assertFalse(validator.validate(claims(nowSeconds - 3600), request));
        assertTrue(expiredMark(request));
        // seconds, not milliseconds: an hour ahead in seconds read as millis would lie in 1970
        assertTrue(validator.validate(claims(Integer.valueOf((int) (nowSeconds + 3600))), null));
    }

    @Test
    void aTokenWithoutExpIsRefusedButNotMarkedExpired() {
        MutableHttpRequest<?> request = HttpRequest.GET("/");
        assertFalse(validator.validate(claims(null), request));
        assertFalse(expiredMark(request));
    }

    @Test
    void anUnreadableExpIsRefusedButNotMarkedExpired() {
        MutableHttpRequest<?> request = HttpRequest.GET("/");
        assertFalse(validator.validate(claims("tomorrow"), request));
        assertFalse(expiredMark(request));
    }

    private static boolean expiredMark(HttpRequest<?> request) {
        return request.getAttribute(TokenRejection.EXPIRED_ATTRIBUTE, Boolean.class).orElse(false);
    }

    private static Claims claims(Object exp) {
        Map<String, Object> values = new HashMap<>();
        values.put("sub", "1");
        if (exp != null) {
            values.put(Claims.EXPIRATION_TIME, exp);
        }
        return new Claims() {
            @Override
            public Object get(String name) {
                return values.get(name);
            }

            @Override
            public Set<String> names() {
                return values.keySet();
            }

            @Override
            public boolean contains(String name) {
                return values.containsKey(name);
            }
        };
    }
}
