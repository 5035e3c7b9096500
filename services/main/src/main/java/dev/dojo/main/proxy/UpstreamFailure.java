package dev.dojo.main.proxy;

import dev.dojo.common.envelope.Envelope;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.client.exceptions.ReadTimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Turns a failed call to a service into the caller's answer. The envelope names the service but never carries
 * exception text (addresses, stack traces).
 * <ul>
 * <li>cannot connect (refused, connect timeout, unknown host) or circuit open → 503: the service is unavailable;</li>
 * <li>no answer within the read timeout → 504;</li>
 * <li>anything else (connection reset mid-answer, malformed answer) → 502.</li>
 * </ul>
 */
public enum UpstreamFailure {
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The %s service is unavailable. Please try again later."),
    TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "The %s service did not answer in time. Please try again later."),
    BAD_GATEWAY(HttpStatus.BAD_GATEWAY, "The %s service sent no valid answer. Please try again later.");

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamFailure.class);

    private final HttpStatus status;
    private final String message;

    UpstreamFailure(HttpStatus status, String message) {
        this.status = status;
        this.message = message;
    }

    public static UpstreamFailure classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException) {
                return TIMEOUT;
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException
                    || cause instanceof io.netty.channel.ConnectTimeoutException) {
                return UNAVAILABLE;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return BAD_GATEWAY;
    }

    public MutableHttpResponse<Envelope<Void>> response(String service) {
        return HttpResponse.<Envelope<Void>>status(status).body(body(service));
    }

    public Envelope<Void> body(String service) {
        return Envelope.error(message.formatted(service));
    }

    /** One warning per failed call: what was asked, of whom, and the kind of failure. */
    public void log(String method, String path, String service, Throwable failure) {
        LOG.warn("{} {} → {} failed ({}): {}", method, path, service, this,
                failure == null ? "connection closed" : failure.getClass().getSimpleName());
    }

    public HttpStatus status() {
        return status;
    }
}
