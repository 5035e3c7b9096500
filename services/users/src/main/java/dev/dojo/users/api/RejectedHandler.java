package dev.dojo.users.api;

import dev.dojo.common.envelope.Envelope;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Renders a {@link Rejected} as a {@code fail} envelope with its status. */
@Singleton
public class RejectedHandler implements ExceptionHandler<Rejected, HttpResponse<Envelope<Void>>> {

    @Override
    public HttpResponse<Envelope<Void>> handle(HttpRequest request, Rejected rejected) {
        MutableHttpResponse<Envelope<Void>> response =
                HttpResponse.<Envelope<Void>>status(rejected.status()).body(Envelope.fail(rejected.getMessage()));
        if (rejected.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response;
    }
}
