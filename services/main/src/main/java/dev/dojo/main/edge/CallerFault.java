package dev.dojo.main.edge;

import io.micronaut.http.HttpStatus;

/**
 * A request body that failed because of its caller: it stalled past {@code dojo.edge.body-idle-timeout} or broke
 * its own framing (a bad chunk, a forbidden trailer). Raised into the body stream, so the proxied call fails with it
 * and {@link dev.dojo.main.proxy.GatewayFilter} answers the caller without charging the service.
 */
public final class CallerFault extends RuntimeException {

    private final HttpStatus status;

    CallerFault(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The caller's fault in {@code failure}'s causes, if any. */
    public static CallerFault in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CallerFault fault) {
                return fault;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
