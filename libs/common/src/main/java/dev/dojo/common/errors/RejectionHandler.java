package dev.dojo.common.errors;

import dev.dojo.common.envelope.Envelope;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Renders a {@link Rejection} as a {@code fail} envelope with its status; a 401 also names the Bearer scheme. */
@Singleton
public class RejectionHandler implements ExceptionHandler<Rejection, HttpResponse<Envelope<Void>>> {

    @Override
    public HttpResponse<Envelope<Void>> handle(HttpRequest request, Rejection rejection) {
        MutableHttpResponse<Envelope<Void>> response = HttpResponse.<Envelope<Void>>status(rejection.status())
                .body(Envelope.fail(rejection.getMessage(), rejection.errors()));
        if (rejection.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response;
    }
}
