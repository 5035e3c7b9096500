package dev.dojo.common.errors;

import dev.dojo.common.envelope.Envelope;
import dev.dojo.common.envelope.Messages;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.compression.DecompressionException;
import jakarta.inject.Singleton;

/**
 * A gzip or deflate request body that does not inflate is malformed input: 400 "Invalid payload.", and the
 * connection closes, since the rest of the body is not read. Micronaut inflates such bodies as they arrive and
 * answered the failure as an unexpected error, 500, with its stack trace in the log.
 */
@Singleton
public class CorruptBodyHandler implements ExceptionHandler<DecompressionException, HttpResponse<Envelope<Void>>> {

    @Override
    public HttpResponse<Envelope<Void>> handle(HttpRequest request, DecompressionException exception) {
        return refusal();
    }

    /** The answer to such a body, also main's when a body it inflates on the way to a service fails. */
    public static MutableHttpResponse<Envelope<Void>> refusal() {
        return HttpResponse.<Envelope<Void>>status(HttpStatus.BAD_REQUEST).body(Envelope.fail(Messages.INVALID_PAYLOAD))
                .header(HttpHeaders.CONNECTION, "close");
    }
}
