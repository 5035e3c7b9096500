package dev.dojo.common.envelope;

import io.micronaut.serde.annotation.Serdeable;

/** One rejected field of an invalid payload: which field, and why. */
@Serdeable
public record FieldError(String field, String message) {
}
