package dev.dojo.common.errors;

import dev.dojo.common.envelope.Envelope;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Every error Micronaut answers by itself goes out as the JSON envelope, whatever the caller's {@code Accept} says.
 * Micronaut's own processor (it steps aside for this bean) rendered an HTML page instead whenever a request asked
 * for {@code text/html} and not JSON — a browser opening {@code /auth/login} got a "405 — Method Not Allowed" page.
 * A HEAD answer gets the envelope too: Micronaut never writes a HEAD answer's body, and {@code HeadAnswerFilter}
 * reads its length from it, so the HEAD says what the GET would.
 */
@Singleton
public class EnvelopeErrorResponseProcessor implements ErrorResponseProcessor<Envelope<Void>> {

    private final EnvelopeErrorBodyProvider bodies;

    public EnvelopeErrorResponseProcessor(EnvelopeErrorBodyProvider bodies) {
        this.bodies = bodies;
    }

    @Override
    public MutableHttpResponse<Envelope<Void>> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        return response.body(bodies.body(context, response)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
