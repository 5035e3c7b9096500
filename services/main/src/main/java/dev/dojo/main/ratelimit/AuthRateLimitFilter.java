package dev.dojo.main.ratelimit;

import dev.dojo.common.envelope.Envelope;
import dev.dojo.main.edge.ClientNetwork;
import dev.dojo.main.proxy.ClientAddress;
import dev.dojo.main.routing.EdgePath;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Answers 429 with {@code Retry-After} once a client has used its budget on a limited path. The client is its
 * {@link ClientNetwork} (an IPv4 address, an IPv6 /64, the loopback host), so switching addresses within what one
 * caller holds does not buy a new budget, and an IPv6 client also draws on its site's (its /48's) budget, so
 * switching between the /64s of a /48 does not either (ADR 0072); the path is the canonical one routing uses
 * ({@link EdgePath}), so every variant that reaches the handler draws on one budget.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class AuthRateLimitFilter implements HttpServerFilter {

    static final String TOO_MANY = "Too many attempts. Please try again later.";

    private final Set<String> paths;
    private final Budgets budgets;
    private final ClientAddress clientAddress;
    private final BucketConfiguration perClient;
    private final BucketConfiguration perSite;

    public AuthRateLimitFilter(RateLimitSettings settings, Budgets budgets, ClientAddress clientAddress) {
        this.paths = Set.copyOf(settings.paths().stream().map(AuthRateLimitFilter::configured).toList());
        this.budgets = budgets;
        this.clientAddress = clientAddress;
        this.perClient = BudgetsFactory.window(settings.requests(), settings.per());
        this.perSite = BudgetsFactory.window(settings.requestsPerSite(), settings.per());
    }

    private static String configured(String path) {
        String canonical = EdgePath.canonical(path);
        if (canonical == null) {
            throw new IllegalStateException("dojo.rate-limit.paths: " + path + " is not a plain path");
        }
        return canonical;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<String> path = EdgePath.of(request);
        if (request.getMethod() != HttpMethod.POST || path.isEmpty() || !paths.contains(path.get())) {
            return chain.proceed(request);
        }
        ClientNetwork.Caller caller = ClientNetwork.callerOf(clientAddress.of(request));
        String limited = " " + path.get();
        // the client's budget first: a client over its own budget takes nothing from its site's
        return Mono.fromFuture(() -> budgets.take(caller.client() + limited, perClient))
                .flatMap(probe -> !probe.isConsumed() || caller.site() == null ? Mono.just(probe)
                        : Mono.fromFuture(() -> budgets.take(caller.site() + limited, perSite)))
                .flatMap(probe -> probe.isConsumed() ? Mono.from(chain.proceed(request)) : Mono.just(tooMany(probe)));
    }

    private static MutableHttpResponse<?> tooMany(ConsumptionProbe probe) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(Envelope.fail(TOO_MANY));
    }

    @Override
    public int getOrder() {
        // before the gateway forwards the request
        return ServerFilterPhase.SECURITY.before();
    }
}
