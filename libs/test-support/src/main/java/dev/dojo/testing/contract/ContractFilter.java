package dev.dojo.testing.contract;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.filter.ClientFilterChain;
import io.micronaut.http.filter.HttpClientFilter;
import io.micronaut.json.JsonMapper;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Holds every request a test sends through an injected Micronaut {@code HttpClient}, and the response it gets, to
 * the service's committed spec ({@link OpenApiContract}). Active where {@value #SPEC} names the spec file, which
 * users and eval set in their test configuration: so every integration test is also a contract test, and a spec
 * regenerated after an API change is checked against the wire by the existing tests, with no test to edit.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
@Requires(property = ContractFilter.SPEC)
public final class ContractFilter implements HttpClientFilter {

    public static final String SPEC = "dojo.contract.spec";

    private final OpenApiContract contract;
    private final JsonMapper json;

    public ContractFilter(@Value("${" + SPEC + "}") String spec,
                          @Value("${dojo.contract.any-json:}") String anyJson, JsonMapper json) {
        this.contract = OpenApiContract.of(Path.of(spec),
                Optional.of(anyJson).filter(s -> !s.isBlank()).map(Pattern::compile));
        this.json = json;
    }

    @Override
    public Publisher<? extends HttpResponse<?>> doFilter(MutableHttpRequest<?> request, ClientFilterChain chain) {
        Request sent = describe(request);
        return Flux.from(chain.proceed(request))
                .doOnNext(response -> contract.check(sent, describe(response)))
                .onErrorMap(HttpClientResponseException.class, e -> {
                    try {
                        contract.check(sent, describe(e.getResponse()));
                        return e;
                    } catch (ContractViolation violation) {
                        return violation;
                    }
                });
    }

    private Request describe(MutableHttpRequest<?> request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.getMethodName(),
                request.getUri().getRawPath());
        request.getHeaders().forEach((name, values) -> builder.withHeader(name, values));
        request.getParameters().forEach((name, values) -> builder.withQueryParam(name, values));
        request.getBody().map(this::text).ifPresent(builder::withBody);
        return builder.build();
    }

    private static SimpleResponse describe(HttpResponse<?> response) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.code());
        response.getHeaders().forEach((name, values) -> builder.withHeader(name, values));
        response.getBody(String.class).filter(body -> !body.isEmpty()).ifPresent(builder::withBody);
        return builder.build();
    }

    private String text(Object body) {
        if (body instanceof CharSequence text) {
            return text.toString();
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
