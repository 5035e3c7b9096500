package dev.dojo.eval.submission;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.dojo.common.text.NoNul;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Body of POST /submissions; any other field (a client's own verdict, say) is refused, not ignored. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = false)
public record SubmissionRequest(
        @Schema(example = "1") @NotNull @Positive Long exerciseId,
        @Schema(example = "def sum(x, y):\n    return x + y\n")
        @NotNull @Size(max = 65536) @Pattern(regexp = NoNul.PATTERN, message = NoNul.MESSAGE) String code) {
}
