package dev.dojo.eval.exercise;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** An example as every reader sees it: its call and the expected value as a Python literal. */
@Serdeable
@Schema(name = "Example")
public record ExampleView(
        @Schema(example = "adds small numbers") String name,
        @Schema(example = "sum(2, 3)") String call,
        @Schema(description = "Python literal of the expected value", example = "5") String expected) {
}
