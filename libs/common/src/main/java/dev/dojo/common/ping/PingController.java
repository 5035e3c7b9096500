package dev.dojo.common.ping;

import dev.dojo.common.envelope.Envelope;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The original contract's sanity check. Every service answers it; main turns its own off
 * ({@code dojo.ping.enabled=false}) because at the edge {@code /ping} belongs to users.
 */
@Controller("/ping")
@Requires(property = "dojo.ping.enabled", notEquals = "false")
@Tag(name = "ping")
public class PingController {

    private static final Envelope<Void> PONG = Envelope.success("pong!");

    @Get
    @Operation(summary = "Sanity check", description = "Answers {\"status\":\"success\",\"message\":\"pong!\"}.")
    public Envelope<Void> ping() {
        return PONG;
    }
}
