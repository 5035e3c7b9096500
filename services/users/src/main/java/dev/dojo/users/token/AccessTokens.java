package dev.dojo.users.token;

import dev.dojo.common.security.Roles;
import dev.dojo.users.account.User;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

import java.util.List;

/** Issues RS256 access tokens: {@code sub} = user id, {@code iat}, {@code exp}, {@code roles}. */
@Singleton
public class AccessTokens {

    private final TokenGenerator generator;
    private final int lifetimeSeconds;

    public AccessTokens(TokenGenerator generator, TokenSettings settings) {
        this.generator = generator;
        this.lifetimeSeconds = Math.toIntExact(Math.max(1, settings.accessLifetime().toSeconds()));
    }

    public String issue(User user) {
        List<String> roles = user.admin() ? List.of(Roles.USER, Roles.ADMIN) : List.of(Roles.USER);
        return generator.generateToken(Authentication.build(String.valueOf(user.id()), roles), lifetimeSeconds)
                .orElseThrow(() -> new IllegalStateException("the token generator produced no token"));
    }
}
