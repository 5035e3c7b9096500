package dev.dojo.eval.exercise;

import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.errors.PathId;
import dev.dojo.common.openapi.AdminOnly;
import dev.dojo.common.security.Roles;
import dev.dojo.common.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Exercises: anyone may read them; admins also see the hidden tests and solution, and manage them. */
@Controller("/exercises")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "exercises")
public class ExerciseController {

    private final ExerciseService exercises;

    public ExerciseController(ExerciseService exercises) {
        this.exercises = exercises;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "List exercises",
            description = "Public. Hidden tests and solutions are included only for admins.")
    @ApiResponse(responseCode = "200", description = "data.exercises")
    public Envelope<ExerciseList> list(@Nullable Authentication authentication) {
        return Envelope.data(new ExerciseList(exercises.list(isAdmin(authentication))));
    }

    @Get("/" + PathId.SEGMENT)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Get one exercise")
    @ApiResponse(responseCode = "200", description = "data is the exercise")
    @ApiResponse(responseCode = "404", description = "Exercise does not exist.",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    public Envelope<ExerciseView> get(String id, @Nullable Authentication authentication) {
        return Envelope.data(exercises.get(id, isAdmin(authentication)));
    }

    @Post
    @Secured(Roles.ADMIN)
    @AdminOnly
    @Operation(summary = "Add an exercise (admin)",
            description = "Accepted only if the reference solution passes every one of its tests.")
    @ApiResponse(responseCode = "201", description = "New exercise was added!")
    @ApiResponse(responseCode = "400", description = "Invalid payload, or the solution fails a test",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    @ApiResponse(responseCode = "503", description = "Grading unavailable or busy",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    @Status(HttpStatus.CREATED) // not HttpResponse.created(…): the spec then documents the 201's body
    public Envelope<ExerciseView> create(@Valid @Body ExerciseRequest request) {
        return new Envelope<>(Envelope.SUCCESS, "New exercise was added!", exercises.create(request), null);
    }

    @Put("/" + PathId.SEGMENT)
    @Secured(Roles.ADMIN)
    @AdminOnly
    @Operation(summary = "Replace an exercise (admin)",
            description = "Every field is replaced; the reference solution must pass the new tests.")
    @ApiResponse(responseCode = "200", description = "Exercise was updated!")
    @ApiResponse(responseCode = "400", description = "Invalid payload, or the solution fails a test",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    @ApiResponse(responseCode = "404", description = "Exercise does not exist.",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    @ApiResponse(responseCode = "503", description = "Grading unavailable or busy",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    public Envelope<ExerciseView> update(String id, @Valid @Body ExerciseRequest request) {
        return new Envelope<>(Envelope.SUCCESS, "Exercise was updated!", exercises.update(id, request), null);
    }

    @Delete("/" + PathId.SEGMENT)
    @Secured(Roles.ADMIN)
    @AdminOnly
    @Operation(summary = "Delete an exercise (admin)", description = "Its submissions and scores go with it.")
    @ApiResponse(responseCode = "200", description = "Exercise was deleted!")
    @ApiResponse(responseCode = "404", description = "Exercise does not exist.",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    public Envelope<Void> delete(String id) {
        exercises.delete(id);
        return Envelope.success("Exercise was deleted!");
    }

    private static boolean isAdmin(@Nullable Authentication authentication) {
        return authentication != null && Caller.of(authentication).admin();
    }
}
