package dev.dojo.users.auth;

import dev.dojo.common.envelope.Messages;
import dev.dojo.users.account.Accounts;
import dev.dojo.users.account.DuplicateAccount;
import dev.dojo.users.account.NewAccount;
import dev.dojo.users.account.User;
import dev.dojo.users.account.UserRepository;
import dev.dojo.common.errors.Rejection;
import dev.dojo.users.password.PasswordHasher;
import dev.dojo.users.token.AccessTokens;
import dev.dojo.users.token.RefreshTokens;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Registration, sign-in, token refresh and sign-out. */
@Singleton
public class AuthService {

    static final String USER_EXISTS = "Sorry. That user already exists.";
    /** One answer for an unknown email and a wrong password, so that nobody can probe for accounts. */
    static final String BAD_CREDENTIALS = "User does not exist.";

    private final Accounts accounts;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;

    public AuthService(Accounts accounts, UserRepository users, PasswordHasher hasher, AccessTokens accessTokens,
                       RefreshTokens refreshTokens) {
        this.accounts = accounts;
        this.users = users;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
    }

    public TokenPair register(NewAccount request) {
        try {
            return signIn(accounts.create(request.username(), request.email(), request.password(), false));
        } catch (DuplicateAccount duplicate) {
            throw new Rejection(HttpStatus.BAD_REQUEST, USER_EXISTS);
        }
    }

    public TokenPair login(LoginRequest request) {
        Optional<User> found = users.findByEmailIgnoringCase(request.email());
        if (found.isEmpty()) {
            hasher.burnCheck(request.password());
            throw new Rejection(HttpStatus.UNAUTHORIZED, BAD_CREDENTIALS);
        }
        User user = found.get();
        if (!hasher.matches(request.password(), user.passwordHash())) {
            throw new Rejection(HttpStatus.UNAUTHORIZED, BAD_CREDENTIALS);
        }
        if (!user.active()) {
            throw new Rejection(HttpStatus.UNAUTHORIZED, Messages.USER_UNAVAILABLE);
        }
        return signIn(user);
    }

    /**
     * Exchanges a refresh token for a new pair in the same family. The account is checked after the exchange: a
     * deactivated user's token is used up and its successor is handed to nobody.
     */
    public TokenPair refresh(String refreshToken) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken)
                .orElseThrow(() -> new Rejection(HttpStatus.UNAUTHORIZED, Messages.TOKEN_INVALID));
        User user = activeUser(rotation.userId());
        return new TokenPair(accessTokens.issue(user), rotation.token());
    }

    public void logout(long userId) {
        refreshTokens.revokeAllOf(userId);
    }

    /** The signed-in user's row: one primary-key read; a deleted or deactivated account is refused. */
    public User activeUser(long userId) {
        return users.findById(userId)
                .filter(User::active)
                .orElseThrow(() -> new Rejection(HttpStatus.UNAUTHORIZED, Messages.USER_UNAVAILABLE));
    }

    private TokenPair signIn(User user) {
        return new TokenPair(accessTokens.issue(user), refreshTokens.startFamily(user.id()));
    }
}
