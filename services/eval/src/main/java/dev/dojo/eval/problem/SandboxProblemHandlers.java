package dev.dojo.eval.problem;

import dev.dojo.common.envelope.Envelope;
import dev.dojo.eval.grading.TooManyGradingsException;
import dev.dojo.eval.sandbox.SandboxBusyException;
import dev.dojo.eval.sandbox.SandboxLimits;
import dev.dojo.eval.sandbox.SandboxUnavailableException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grading that cannot happen now answers 503 (the host details stay in the log and in /health/readiness); an
 * account over its share of the grader answers 429.
 */
public final class SandboxProblemHandlers {

    public static final String UNAVAILABLE = "Grading is unavailable: the sandbox cannot run on this server.";

    private static final Logger LOG = LoggerFactory.getLogger(SandboxProblemHandlers.class);

    private SandboxProblemHandlers() {
    }

    @Singleton
    public static class Unavailable
            implements ExceptionHandler<SandboxUnavailableException, HttpResponse<Envelope<Void>>> {
        @Override
        public HttpResponse<Envelope<Void>> handle(HttpRequest request, SandboxUnavailableException e) {
            LOG.warn("Refused grading: {}", e.getMessage());
            return HttpResponse.<Envelope<Void>>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Envelope.error(UNAVAILABLE));
        }
    }

    /** Retry-After: by then one of the account's gradings has certainly finished (wall-time limit). */
    @Singleton
    public static class TooMany
            implements ExceptionHandler<TooManyGradingsException, HttpResponse<Envelope<Void>>> {
        private final String retryAfter;

        public TooMany(SandboxLimits limits) {
            this.retryAfter = Long.toString(Math.max(1, (limits.wallTime().toMillis() + 999) / 1000));
        }

        /** "fail", as every 4xx (main's auth rate limit answers its 429 so): the caller is to wait, nothing broke. */
        @Override
        public HttpResponse<Envelope<Void>> handle(HttpRequest request, TooManyGradingsException e) {
            return HttpResponse.<Envelope<Void>>status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", retryAfter)
                    .body(Envelope.fail(e.getMessage()));
        }
    }

    @Singleton
    public static class Busy implements ExceptionHandler<SandboxBusyException, HttpResponse<Envelope<Void>>> {
        @Override
        public HttpResponse<Envelope<Void>> handle(HttpRequest request, SandboxBusyException e) {
            return HttpResponse.<Envelope<Void>>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "1")
                    .body(Envelope.error(e.getMessage()));
        }
    }
}
