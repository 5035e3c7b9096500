package dev.dojo.common.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The response body every Dojo endpoint answers with: {@code status} plus either {@code message} or {@code data},
 * and for invalid payloads the list of field {@code errors}.
 *
 * @param <T> the type of {@code data}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Dojo's response envelope")
public record Envelope<T>(
        // the type stated: without it micronaut-openapi first reads each allowable value as JSON and warns
        @Schema(type = "string", allowableValues = {"success", "fail", "error"}) String status,
        @Nullable String message,
        @Nullable T data,
        @Nullable List<FieldError> errors) {

    public static final String SUCCESS = "success";
    public static final String FAIL = "fail";
    public static final String ERROR = "error";

    public static Envelope<Void> success(String message) {
        return new Envelope<>(SUCCESS, message, null, null);
    }

    public static <T> Envelope<T> data(T data) {
        return new Envelope<>(SUCCESS, null, data, null);
    }

    /** A client error (4xx). */
    public static Envelope<Void> fail(String message) {
        return new Envelope<>(FAIL, message, null, null);
    }

    public static Envelope<Void> fail(String message, List<FieldError> errors) {
        return new Envelope<>(FAIL, message, null, errors.isEmpty() ? null : errors);
    }

    /** A server-side error (5xx); the message never carries exception details. */
    public static Envelope<Void> error(String message) {
        return new Envelope<>(ERROR, message, null, null);
    }
}
