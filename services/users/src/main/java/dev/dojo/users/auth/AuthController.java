package dev.dojo.users.auth;

import dev.dojo.common.openapi.SignedIn;
import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.security.Caller;
import dev.dojo.users.account.ActiveUserCache;
import dev.dojo.users.account.NewAccount;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.concurrent.CompletableFuture;

/**
 * The original {@code /auth} resource plus token refresh. Status validates the token in the security filter (no
 * database) and reads the user row by primary key at most once per read-cache period ({@link ActiveUserCache}).
 */
@Controller("/auth")
@Tag(name = "auth")
public class AuthController {

    private static final Envelope<Void> LOGGED_OUT = Envelope.success("Successfully logged out.");

    private final AuthService auth;
    private final ActiveUserCache activeUsers;

    public AuthController(AuthService auth, ActiveUserCache activeUsers) {
        this.auth = auth;
        this.activeUsers = activeUsers;
    }

    @Post("/register")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Create an account and sign in")
    @ApiResponse(responseCode = "201", description = "Successfully registered.",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(responseCode = "400", description = "Invalid payload. / Sorry. That user already exists.",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    public HttpResponse<TokenResponse> register(@Valid @Body NewAccount request) {
        return HttpResponse.created(TokenResponse.of("Successfully registered.", auth.register(request)));
    }

    @Post("/login")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Sign in with email and password")
    @ApiResponse(responseCode = "200", description = "Successfully logged in.",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(responseCode = "400", description = "Invalid payload.",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    @ApiResponse(responseCode = "401", description = "User does not exist. (unknown email or wrong password)",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    public TokenResponse login(@Valid @Body LoginRequest request) {
        return TokenResponse.of("Successfully logged in.", auth.login(request));
    }

    @Post("/refresh")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Exchange a refresh token for a new token pair",
            description = "The presented refresh token is used up and its family continues with the new one;"
                    + " presenting a used token again revokes its whole family (docs/auth.md).")
    @ApiResponse(responseCode = "200", description = "Successfully refreshed.",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(responseCode = "400", description = "Invalid payload.",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    @ApiResponse(responseCode = "401", description = "Invalid token. Please log in again.",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    public TokenResponse refresh(@Valid @Body RefreshRequest request) {
        return TokenResponse.of("Successfully refreshed.", auth.refresh(request.refreshToken()));
    }

    @Get("/logout")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SignedIn
    @Operation(summary = "Sign out: revoke the caller's refresh tokens")
    @ApiResponse(responseCode = "200", description = "Successfully logged out.",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    public Envelope<Void> logout(Authentication authentication, HttpRequest<?> request) {
        // a HEAD is answered by this route too (Micronaut), and is a safe method (RFC 9110 §9.2.1): a link
        // checker or prefetcher asking HEAD learns what GET would answer but signs nobody out
        return request.getMethod() == HttpMethod.HEAD ? LOGGED_OUT : signOut(authentication);
    }

    /** POST as well, for clients that sign out with a body; every refresh token of the caller is revoked. */
    @Post("/logout")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SignedIn
    @Operation(summary = "Sign out (POST form; an optional {refresh_token} body is accepted)")
    @ApiResponse(responseCode = "200", description = "Successfully logged out.",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    @ApiResponse(responseCode = "400", description = "Invalid payload.",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    public Envelope<Void> logoutPost(Authentication authentication, @Nullable @Valid @Body RefreshRequest request) {
        return signOut(authentication);
    }

    /** Revokes every refresh token of the caller. */
    private Envelope<Void> signOut(Authentication authentication) {
        auth.logout(Caller.of(authentication).userId());
        return LOGGED_OUT;
    }

    @Get("/status")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = SignedIn.BEARER)
    @Operation(summary = "The signed-in user's account",
            description = "Validates the token locally and reads the user's row once by primary key.")
    @ApiResponse(responseCode = "200", description = "data: the caller's account",
            content = @Content(schema = @Schema(implementation = StatusEnvelope.class)))
    @ApiResponse(responseCode = "401", description = "missing, expired or invalid token; or"
            + " \"Something went wrong. Please contact us.\" when the account is gone or inactive",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    public CompletableFuture<Envelope<StatusView>> status(Authentication authentication) {
        return activeUsers.find(Caller.of(authentication).userId()).thenApply(user -> Envelope.data(StatusView.of(user)));
    }

    @Schema(name = "StatusEnvelope")
    record StatusEnvelope(String status, StatusView data) {
    }
}
