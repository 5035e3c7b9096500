package dev.dojo.users.account;

import dev.dojo.common.openapi.AdminOnly;
import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.security.Roles;
import dev.dojo.common.errors.PathId;
import dev.dojo.common.errors.Rejection;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.concurrent.CompletableFuture;

/**
 * The original {@code /users} resource: a public list and lookup, and account creation for admins. The list is
 * answered from {@link UserListCache} on the event loop as ready-made JSON; everything touching JDBC or bcrypt runs on the blocking pool.
 */
@Controller("/users")
@Tag(name = "users")
public class UserController {

    static final String USER_NOT_FOUND = "User does not exist";
    static final String EMAIL_TAKEN = "Sorry. That email already exists.";
    static final String USERNAME_TAKEN = "Sorry. That user already exists.";

    private final UserRepository users;
    private final Accounts accounts;
    private final UserListCache listCache;

    public UserController(UserRepository users, Accounts accounts, UserListCache listCache) {
        this.users = users;
        this.accounts = accounts;
        this.listCache = listCache;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "List all users, newest first")
    @ApiResponse(responseCode = "200", description = "data.users",
            content = @Content(schema = @Schema(implementation = UserListEnvelope.class)))
    public CompletableFuture<HttpResponse<byte[]>> list() {
        return listCache.newestFirstJson()
                .thenApply(json -> HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    /** The id is a string so that "abc" is an unknown user (404), as in the original, not a routing error. */
    @Get("/" + PathId.SEGMENT)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Get one user")
    @ApiResponse(responseCode = "200", description = "the user",
            content = @Content(schema = @Schema(implementation = UserEnvelope.class)))
    @ApiResponse(responseCode = "404", description = "User does not exist (unknown or non-numeric id)",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    public Envelope<UserView> get(String id) {
        return PathId.parse(id).flatMap(users::findById)
                .map(user -> Envelope.data(UserView.of(user)))
                .orElseThrow(() -> new Rejection(HttpStatus.NOT_FOUND, USER_NOT_FOUND));
    }

    @Post
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured(Roles.ADMIN)
    @AdminOnly
    @Operation(summary = "Add a user (admins only)")
    @ApiResponse(responseCode = "201", description = "\"<email> was added!\"",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    @ApiResponse(responseCode = "400", description = "Invalid payload. / Sorry. That email already exists.",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    public HttpResponse<Envelope<Void>> add(@Valid @Body NewAccount request) {
        try {
            User user = accounts.create(request.username(), request.email(), request.password(), false);
            return HttpResponse.created(Envelope.success(user.email() + " was added!"));
        } catch (DuplicateAccount duplicate) {
            throw new Rejection(HttpStatus.BAD_REQUEST,
                    duplicate.field() == DuplicateAccount.Field.EMAIL ? EMAIL_TAKEN : USERNAME_TAKEN);
        }
    }

    /** Schema-only types: the envelope with a concrete {@code data}, for the OpenAPI document. */
    @Schema(name = "UserListEnvelope")
    record UserListEnvelope(String status, UserList data) {
    }

    @Schema(name = "UserEnvelope")
    record UserEnvelope(String status, UserView data) {
    }
}
