package dev.dojo.main.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.management.health.indicator.HealthCheckType;
import io.micronaut.management.health.indicator.HealthResult;
import io.swagger.v3.oas.annotations.Hidden;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * {@code /health} on main's public port. Micronaut's management endpoints listen on the management port only
 * ({@code endpoints.all.port}), so that {@code /prometheus} never reaches :8080; orchestrators and the contract still
 * expect health on :8080. Routes without a port are bound to the server's own port, so this controller and the
 * endpoint never meet. It answers what {@link EdgeHealthEndpoint} answers to an anonymous caller (status only).
 */
@Hidden
@Controller("/health")
class PublicHealthController {

    private final EdgeHealthEndpoint endpoint;

    PublicHealthController(EdgeHealthEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    Publisher<HttpResponse<HealthResult>> health() {
        return respond(endpoint.getHealth(null));
    }

    @Get(value = "/liveness", produces = MediaType.APPLICATION_JSON)
    Publisher<HttpResponse<HealthResult>> liveness() {
        return respond(endpoint.getHealth(null, HealthCheckType.LIVENESS));
    }

    @Get(value = "/readiness", produces = MediaType.APPLICATION_JSON)
    Publisher<HttpResponse<HealthResult>> readiness() {
        return respond(endpoint.getHealth(null, HealthCheckType.READINESS));
    }

    /**
     * The body as it is: the status (DOWN is 503) is set by Micronaut's {@code HealthResultFilter}, which sees every
     * health answer under /health, on this port too (MainNotReadyTest, HealthTest); for a HEAD, through dojo-common's
     * {@code HeadAnswerFilter}, which hands it the body Micronaut set aside.
     */
    private static Publisher<HttpResponse<HealthResult>> respond(Publisher<HealthResult> result) {
        return Mono.from(result).map(HttpResponse::ok);
    }
}
