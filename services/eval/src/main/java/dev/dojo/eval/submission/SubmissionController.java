package dev.dojo.eval.submission;

import dev.dojo.common.openapi.SignedIn;
import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.errors.PathId;
import dev.dojo.common.errors.Rejection;
import dev.dojo.common.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Submitting code for grading, and reading past submissions. */
@Controller("/submissions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SignedIn
@Tag(name = "submissions")
public class SubmissionController {

    private final SubmissionService submissions;

    public SubmissionController(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @Post
    @Operation(summary = "Submit code for grading",
            description = "Runs the code in the sandbox against the exercise's examples and hidden tests and records the "
                    + "score. Hidden tests come back as passed/failed only (admins see them whole).")
    @ApiResponse(responseCode = "201", description = "Graded; data is the submission with its verdict")
    @ApiResponse(responseCode = "400", description = "Invalid payload.",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    @ApiResponse(responseCode = "404", description = "Exercise does not exist.",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    @ApiResponse(responseCode = "413", description = "Payload too large.",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    @ApiResponse(responseCode = "429", description = "The caller already has its share of gradings in flight"
            + " (dojo.sandbox.per-account, default 2); Retry-After says when to try again",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    @ApiResponse(responseCode = "503", description = "Grading unavailable, or every slot busy (Retry-After)",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    @Status(HttpStatus.CREATED) // not HttpResponse.created(…): the spec then documents the 201's body
    public Envelope<SubmissionView> submit(@Valid @Body SubmissionRequest request, Authentication authentication) {
        return Envelope.data(submissions.submit(Caller.of(authentication), request));
    }

    @Get("/" + PathId.SEGMENT)
    @Operation(summary = "Get one submission (own; admins any)")
    @ApiResponse(responseCode = "200", description = "data is the submission")
    @ApiResponse(responseCode = "403", description = "Someone else's submission",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    @ApiResponse(responseCode = "404", description = "Submission does not exist.",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    public Envelope<SubmissionView> get(String id, Authentication authentication) {
        return Envelope.data(submissions.get(Caller.of(authentication), id));
    }

    @Get
    @Operation(summary = "List submissions, newest first (own; admins all; at most 100)")
    @ApiResponse(responseCode = "200", description = "data.submissions")
    @ApiResponse(responseCode = "400", description = "exercise_id is not an id",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    public Envelope<SubmissionList> list(
            @Parameter(schema = @Schema(type = "integer", format = "int64", nullable = true))
            @Nullable @QueryValue("exercise_id") String exerciseId, Authentication authentication) {
        Long exercise = exerciseFilter(exerciseId);
        return Envelope.data(new SubmissionList(submissions.list(Caller.of(authentication), exercise)));
    }

    /**
     * The filter in its one spelling, as ids in paths: Micronaut's own conversion took {@code +1} and {@code 01} as
     * 1 and an empty value as no filter at all.
     */
    @Nullable
    private static Long exerciseFilter(@Nullable String exerciseId) {
        if (exerciseId == null) {
            return null;
        }
        return PathId.parse(exerciseId).orElseThrow(() -> Rejection.invalid("exercise_id", "must be an exercise id"));
    }
}
