package dev.dojo.eval.problem;

import dev.dojo.common.envelope.Envelope;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Renders {@link ApiProblem} in the envelope with its status. */
@Singleton
public class ApiProblemHandler implements ExceptionHandler<ApiProblem, HttpResponse<Envelope<Void>>> {

    @Override
    public HttpResponse<Envelope<Void>> handle(HttpRequest request, ApiProblem problem) {
        return HttpResponse.<Envelope<Void>>status(problem.status())
                .body(Envelope.fail(problem.getMessage(), problem.errors()));
    }
}
