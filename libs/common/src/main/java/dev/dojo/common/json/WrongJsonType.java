package dev.dojo.common.json;

import io.micronaut.serde.exceptions.SerdeException;

/**
 * A JSON value of the wrong type for the field it should fill ({@code 123} or {@code ["x"]} for a string,
 * {@code "1"} for a number). Serde records which property it was decoding in {@link #getPath()};
 * {@link dev.dojo.common.errors.EnvelopeErrorBodyProvider} turns that into a field error. The message names only the
 * expected type, never the input.
 */
public final class WrongJsonType extends SerdeException {

    public WrongJsonType(String expected) {
        super("must be " + expected);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // a refusal of client input, not a failure: no trace to record
        return this;
    }
}
