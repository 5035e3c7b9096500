package dev.dojo.common.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Lets anyone read the endpoints every service shares ({@code /ping}, {@code /health/**}, {@code /swagger/**}):
 * they come from dojo-common or static resources and carry no {@code @Secured}, which Micronaut Security would
 * otherwise reject. Everything else is left to the service's own annotations.
 */
@Singleton
@Requires(classes = SecurityRule.class)
public class PublicEndpointsRule implements SecurityRule<HttpRequest<?>> {

    /** Before Micronaut's own rules, which would reject an un-annotated route. */
    public static final int ORDER = -300;

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        return Publishers.just(isPublic(request) ? SecurityRuleResult.ALLOWED : SecurityRuleResult.UNKNOWN);
    }

    static boolean isPublic(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        String path = request.getPath();
        if (path.contains("..")) {
            return false;
        }
        // the router serves /ping/ as /ping (and main routes it so): the rule must read the path alike, or /ping/
        // reaches the ping handler and is refused with "Provide a valid auth token."
        String route = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return route.equals("/ping")
                || route.equals("/health") || path.startsWith("/health/")
                || path.startsWith("/swagger/");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
