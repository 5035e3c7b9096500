package dev.dojo.common.errors;

import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.envelope.FieldError;
import dev.dojo.common.envelope.Messages;
import dev.dojo.common.json.JsonFieldPath;
import dev.dojo.common.json.WrongJsonType;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import java.util.List;
import java.util.Optional;

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
            case NOT_ACCEPTABLE -> Envelope.fail(Messages.NOT_ACCEPTABLE);
            case REQUEST_ENTITY_TOO_LARGE -> Envelope.fail(Messages.PAYLOAD_TOO_LARGE);
            case UNSUPPORTED_MEDIA_TYPE -> Envelope.fail(Messages.UNSUPPORTED_MEDIA_TYPE);
            default -> Envelope.fail(status.getReason());
        };
    }

    /**
     * Validation errors name a field: either as a path, or (micronaut-validation's ConstraintExceptionHandler) as a
     * "register.request.username: size must be …" message; their messages are the constraint's own, never user
     * input. A value of the wrong JSON type ({@link WrongJsonType}) names its JSON path and the expected type. Other
     * parser and conversion errors get no list: their messages quote parser internals and input.
     */
    private static List<FieldError> fieldErrors(ErrorContext context) {
        Throwable root = context.getRootCause().orElse(null);
        Optional<FieldError> wrongType = wrongType(root);
        if (wrongType.isPresent()) {
            return List.of(wrongType.get());
        }
        if (!(root instanceof ConstraintViolationException violations)) {
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

    /**
     * The field a {@link WrongJsonType} in the cause chain was decoding, with its fixed message. Serde adds the
     * property path to the exception it unwinds with (the refusal itself, or a wrapper around it).
     */
    private static Optional<FieldError> wrongType(Throwable root) {
        WrongJsonType wrong = null;
        Optional<String> path = Optional.empty();
        for (Throwable t = root; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WrongJsonType found) {
                wrong = found;
            }
            if (path.isEmpty() && t instanceof SerdeException serde) {
                path = JsonFieldPath.of(serde);
            }
        }
        if (wrong == null) {
            return Optional.empty();
        }
        String message = wrong.getMessage();
        return path.map(field -> new FieldError(field, message));
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
