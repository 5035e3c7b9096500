package dev.dojo.common.errors;

import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.envelope.FieldError;
import dev.dojo.common.envelope.Messages;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import java.util.List;

/**
 * Renders every error Micronaut produces itself (malformed JSON, failed validation, unknown route, wrong method,
 * oversized body, uncaught exception) in Dojo's envelope. Messages are fixed per status so that no parser detail,
 * SQL text or stack trace ever reaches a client.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class EnvelopeErrorBodyProvider implements JsonErrorResponseBodyProvider<Envelope<Void>> {

    @Override
    public Envelope<Void> body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.status();
        if (status.getCode() >= 500) {
            return Envelope.error(Messages.SERVER_ERROR);
        }
        return switch (status) {
            case BAD_REQUEST, UNPROCESSABLE_ENTITY -> Envelope.fail(Messages.INVALID_PAYLOAD, fieldErrors(context));
            case UNAUTHORIZED -> Envelope.fail(Messages.PROVIDE_TOKEN);
            case FORBIDDEN -> Envelope.fail(Messages.NO_PERMISSION);
            case NOT_FOUND -> Envelope.fail(Messages.NOT_FOUND);
            case METHOD_NOT_ALLOWED -> Envelope.fail(Messages.METHOD_NOT_ALLOWED);
            case REQUEST_ENTITY_TOO_LARGE -> Envelope.fail(Messages.PAYLOAD_TOO_LARGE);
            case UNSUPPORTED_MEDIA_TYPE -> Envelope.fail(Messages.UNSUPPORTED_MEDIA_TYPE);
            default -> Envelope.fail(status.getReason());
        };
    }

    /**
     * Only validation errors name a field: either as a path, or (micronaut-validation's ConstraintExceptionHandler)
     * as a "register.request.username: size must be …" message. Their messages are the constraint's own, never
     * user input. Parser and conversion errors get no list: their messages quote parser internals and input.
     */
    private static List<FieldError> fieldErrors(ErrorContext context) {
        if (!(context.getRootCause().orElse(null) instanceof ConstraintViolationException violations)) {
            return List.of();
        }
        if (violations.getConstraintViolations() != null && !violations.getConstraintViolations().isEmpty()) {
            return violations.getConstraintViolations().stream()
                    .map(violation -> new FieldError(wireName(violation), violation.getMessage()))
                    .sorted(java.util.Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                    .toList();
        }
        return context.getErrors().stream()
                .filter(error -> error.getPath().isPresent() || pathInMessage(error.getMessage()) != null)
                .map(error -> new FieldError(
                        fieldName(error.getPath().orElseGet(() -> pathInMessage(error.getMessage()))),
                        constraintMessage(error.getMessage())))
                .toList();
    }

    /** The violated property as the client spelled it: exercise_id for SubmissionRequest.exerciseId. */
    private static String wireName(ConstraintViolation<?> violation) {
        String field = fieldName(String.valueOf(violation.getPropertyPath()));
        int index = field.indexOf('[');
        String property = index < 0 ? field : field.substring(0, index);
        Object leaf = violation.getLeafBean();
        String wire = leaf == null ? property : WireNames.of(leaf.getClass(), property);
        return index < 0 ? wire : wire + field.substring(index);
    }

    /** "register.request.username: must not be blank" → "register.request.username"; null if not that shape. */
    private static String pathInMessage(String message) {
        int colon = message == null ? -1 : message.indexOf(": ");
        if (colon <= 0) {
            return null;
        }
        String path = message.substring(0, colon);
        return path.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*|\\[\\d*])*") ? path : null;
    }

    /** "register.request.username" → "username". */
    private static String fieldName(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** Micronaut prefixes the message with the path ("request.username: must not be blank"). */
    private static String constraintMessage(String message) {
        int colon = message.indexOf(": ");
        return colon < 0 ? message : message.substring(colon + 2);
    }
}
