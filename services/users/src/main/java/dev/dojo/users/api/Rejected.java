package dev.dojo.users.api;

import io.micronaut.http.HttpStatus;

/**
 * A request the service refuses on purpose, with the status and the contract's message to answer. Thrown by the
 * services, rendered by {@link RejectedHandler}; it carries no stack trace because it is not a failure.
 */
public final class Rejected extends RuntimeException {

    private final HttpStatus status;

    public Rejected(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
