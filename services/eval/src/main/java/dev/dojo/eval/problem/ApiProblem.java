package dev.dojo.eval.problem;

import dev.dojo.common.envelope.FieldError;
import io.micronaut.http.HttpStatus;

import java.util.List;

/** A client error with the contract message to answer with (rendered as a "fail" envelope). */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, String message) {
        this(status, message, List.of());
    }

    public ApiProblem(HttpStatus status, String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.status = status;
        this.errors = errors;
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static ApiProblem notFound(String message) {
        return new ApiProblem(HttpStatus.NOT_FOUND, message);
    }

    public static ApiProblem forbidden() {
        return new ApiProblem(HttpStatus.FORBIDDEN, dev.dojo.common.envelope.Messages.NO_PERMISSION);
    }
}
