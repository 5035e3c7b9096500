package dev.dojo.common.errors;

import dev.dojo.common.envelope.FieldError;
import dev.dojo.common.envelope.Messages;
import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * A request a service refuses on purpose, with the status and the contract's message to answer (and, for an invalid
 * payload, the fields at fault). Thrown by services, rendered by {@link RejectionHandler}; it carries no stack trace
 * because it is not a failure.
 */
public final class Rejection extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldError> errors;

    public Rejection(HttpStatus status, String message) {
        this(status, message, List.of());
    }

    public Rejection(HttpStatus status, String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.status = status;
        this.errors = errors;
    }

    public static Rejection notFound(String message) {
        return new Rejection(HttpStatus.NOT_FOUND, message);
    }

    /** 400 "Invalid payload." naming the one field at fault and why. */
    public static Rejection invalid(String field, String message) {
        return new Rejection(HttpStatus.BAD_REQUEST, Messages.INVALID_PAYLOAD, List.of(new FieldError(field, message)));
    }

    public static Rejection forbidden() {
        return new Rejection(HttpStatus.FORBIDDEN, Messages.NO_PERMISSION);
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
