package dev.dojo.users.token;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.event.TokenValidatedEvent;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.List;
import java.util.Optional;

/**
 * Micronaut's bearer-token authentication with a memory of tokens it has already accepted ({@link VerifiedTokens}).
 * A token seen for the first time goes through Micronaut's validation unchanged (signature, then claims); a repeat
 * within its lifetime is answered from memory. This takes the RSA verification and the JSON parsing of the token
 * off every request but the first (docs/adr/0013). Micronaut's {@code TokenValidatedEvent} is published only for
 * the first, full validation of a token (nothing in users listens to it).
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
public class CachingTokenAuthenticationFetcher extends TokenAuthenticationFetcher {

    private final TokenResolver<HttpRequest<?>> tokenResolver;
    private final VerifiedTokens verified;

    public CachingTokenAuthenticationFetcher(List<TokenValidator<HttpRequest<?>>> tokenValidators,
                                             TokenResolver<HttpRequest<?>> tokenResolver,
                                             ApplicationEventPublisher<TokenValidatedEvent> tokenValidatedEventPublisher,
                                             HttpHostResolver httpHostResolver,
                                             HttpLocaleResolver httpLocaleResolver,
                                             VerifiedTokens verified) {
        super(tokenValidators, tokenResolver, tokenValidatedEventPublisher, httpHostResolver, httpLocaleResolver);
        this.tokenResolver = tokenResolver;
        this.verified = verified;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        List<String> tokens = tokenResolver.resolveTokens(request);
        if (tokens == null || tokens.size() != 1) {
            // none (anonymous) or several candidates: nothing to remember unambiguously
            return super.fetchAuthentication(request);
        }
        String token = tokens.get(0);
        Optional<Authentication> known = verified.find(token);
        if (known.isPresent()) {
            request.setAttribute(SecurityFilter.TOKEN, token);
            return Publishers.just(known.get());
        }
        return Publishers.map(super.fetchAuthentication(request), authentication -> {
            verified.remember(token, authentication);
            return authentication;
        });
    }
}
