package dev.dojo.testing.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Body;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A service's committed OpenAPI spec (docs/api/&lt;service&gt;.yml) as the judge of one real exchange. The schema
 * checks are swagger-request-validator's; this class only decides what counts as a breach of contract:
 * <ul>
 *   <li>every response of a documented operation must be documented: its status, and its body (property names,
 *       required fields, types, the error envelope) against that status's schema;</li>
 *   <li>a request the spec rejects must not succeed (a 2xx then means the spec is stricter than the service,
 *       or names other fields than the wire — the drift this check exists for).</li>
 * </ul>
 * Paths the spec does not document (health, /ping in services that leave it to users) are not judged.
 */
public final class OpenApiContract {

    /** Messages meaning "this exchange is outside the spec", not "the spec was broken". */
    private static final Set<String> UNDOCUMENTED = Set.of(
            "validation.request.path.missing", "validation.request.operation.notAllowed");

    /**
     * Answers the framework gives before any controller runs (wrong method, oversized body, wrong media type): no
     * operation documents them, so they are held to the shape every error has, the envelope with "fail".
     */
    private static final Set<Integer> TRANSPORT_ERRORS = Set.of(405, 406, 413, 415);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path spec;
    private final OpenApiInteractionValidator validator;
    private final Optional<Pattern> anyJson;

    private OpenApiContract(Path spec, OpenApiInteractionValidator validator, Optional<Pattern> anyJson) {
        this.spec = spec;
        this.validator = validator;
        this.anyJson = anyJson;
    }

    public static OpenApiContract of(Path spec) {
        return of(spec, Optional.empty());
    }

    /**
     * @param anyJson JSON pointers (a regex over the body's instance pointer) whose value is any JSON value, which
     *                micronaut-openapi 6.19 cannot publish (it writes {@code type: object}): schema messages at
     *                those pointers are not breaches. Named per service in its test configuration, so the gap stays
     *                visible; everything else in such a body is still checked.
     */
    public static OpenApiContract of(Path spec, Optional<Pattern> anyJson) {
        try {
            String text = Files.readString(spec);
            return new OpenApiContract(spec, OpenApiInteractionValidator
                    .createForInlineApiSpecification(text)
                    .build(), anyJson);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI spec " + spec.toAbsolutePath(), e);
        }
    }

    /** Problems of one exchange with the spec; empty when it keeps the contract or is outside it. */
    public List<String> breaches(Request request, Response response) {
        ValidationReport requestReport = withoutAnyJson(validator.validateRequest(request));
        if (requestReport.getMessages().stream().anyMatch(m -> UNDOCUMENTED.contains(m.getKey()))) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        ValidationReport responseReport = withoutAnyJson(validator.validateResponse(request.getPath(),
                request.getMethod(), response));
        if (TRANSPORT_ERRORS.contains(response.getStatus()) && onlyUndocumentedStatus(responseReport)) {
            if (!isFailEnvelope(response)) {
                problems.add(response.getStatus() + " without the error envelope {status: fail, message}");
            }
        } else if (responseReport.hasErrors()) {
            problems.add("response " + response.getStatus() + " breaks the spec: " + describe(responseReport));
        }
        if (requestReport.hasErrors() && response.getStatus() < 300) {
            problems.add("the service answered " + response.getStatus() + " to a request the spec rejects: "
                    + describe(requestReport));
        }
        return problems;
    }

    /** Throws {@link ContractViolation} naming the exchange unless it keeps the contract. */
    public void check(Request request, Response response) {
        List<String> problems = breaches(request, response);
        if (!problems.isEmpty()) {
            throw new ContractViolation(request.getMethod() + " " + request.getPath() + " vs "
                    + spec.getFileName() + ": " + String.join("; ", problems)
                    + "\n  request body: " + shown(request.getRequestBody())
                    + "\n  response body: " + shown(response.getResponseBody()));
        }
    }

    private static boolean onlyUndocumentedStatus(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .allMatch(m -> m.getKey().equals("validation.response.status.unknown"));
    }

    private static boolean isFailEnvelope(Response response) {
        try {
            JsonNode body = JSON.readTree(text(response.getResponseBody()));
            return body.path("status").asText().equals("fail") && body.path("message").isTextual();
        } catch (IOException e) {
            return false;
        }
    }

    /** A body for a failure message: whole up to 2,000 characters, which is every body of these APIs but a few. */
    private static String shown(Optional<Body> body) {
        String text = text(body);
        return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "… (" + text.length() + " characters)";
    }

    private static String text(Optional<Body> body) {
        return body.map(b -> {
            try {
                return b.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        }).orElse("(none)");
    }

    /** The report less the schema messages about values declared as any JSON. */
    private ValidationReport withoutAnyJson(ValidationReport report) {
        if (anyJson.isEmpty()) {
            return report;
        }
        return ValidationReport.from(report.getMessages().stream().filter(m -> !aboutAnyJson(m)).toList());
    }

    /** At an any-JSON pointer, or a composite (allOf) whose every failing part is. */
    private boolean aboutAnyJson(ValidationReport.Message message) {
        boolean here = message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                .map(p -> anyJson.orElseThrow().matcher(p.getInstance()).matches()).orElse(false);
        if (here) {
            return true;
        }
        List<ValidationReport.Message> nested = message.getNestedMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
        return !nested.isEmpty() && nested.stream().allMatch(this::aboutAnyJson);
    }

    private static String describe(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getMessage() + " [" + m.getKey() + "]")
                .collect(Collectors.joining(", "));
    }
}
