package dev.dojo.eval.score;

import dev.dojo.common.openapi.SignedIn;
import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.errors.PathId;
import dev.dojo.common.errors.Rejection;
import dev.dojo.common.security.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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

/**
 * Scores, read-only: the original's client-reported POST/PUT/PATCH /scores is deliberately absent, scores are
 * written only by the grader.
 */
@Controller("/scores")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SignedIn
@Tag(name = "scores")
public class ScoreController {

    static final String MISSING = "Score does not exist";

    private final ScoreRepository scores;

    public ScoreController(ScoreRepository scores) {
        this.scores = scores;
    }

    @Get("/user")
    @Operation(summary = "The caller's scores")
    @ApiResponse(responseCode = "200", description = "data.scores")
    public Envelope<ScoreList> mine(Authentication authentication) {
        return Envelope.data(new ScoreList(scores.findByUserIdOrderByExerciseId(Caller.of(authentication).userId())));
    }

    @Get
    @Operation(summary = "All scores (admins), or the caller's own")
    @ApiResponse(responseCode = "200", description = "data.scores")
    public Envelope<ScoreList> list(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return Envelope.data(new ScoreList(caller.admin() ? scores.listOrderById()
                : scores.findByUserIdOrderByExerciseId(caller.userId())));
    }

    @Get("/" + PathId.SEGMENT)
    @Operation(summary = "One score (its owner or an admin)")
    @ApiResponse(responseCode = "200", description = "data is the score")
    @ApiResponse(responseCode = "403", description = "Someone else's score",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    @ApiResponse(responseCode = "404", description = "Score does not exist",
            content = @Content(schema = @Schema(implementation = Envelope.class)))
    public Envelope<Score> get(String id, Authentication authentication) {
        Score score = PathId.parse(id).flatMap(scores::findById).orElseThrow(() -> Rejection.notFound(MISSING));
        Caller caller = Caller.of(authentication);
        if (!caller.admin() && caller.userId() != score.userId()) {
            throw Rejection.forbidden();
        }
        return Envelope.data(score);
    }
}
