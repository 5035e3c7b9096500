package dev.dojo.swapper.spec;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every service's spec, fetched at runtime and cached: a service that goes down keeps its last good spec (marked
 * unavailable) and the others are unaffected. swapper's own spec comes from its class path and is always available.
 */
@Singleton
public class SpecCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(SpecCatalog.class);
    /** A failed fetch is retried on the next request after this, not after the whole TTL: services start in any order. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMillis(500);

    private final DocsSettings settings;
    private final SpecFetcher fetcher;
    private final YamlSpecs yaml;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, RemoteSpec> remote = new TreeMap<>();
    private final Optional<ServiceSpec> own;
    private final Instant started = clock.instant();

    public SpecCatalog(DocsSettings settings, SpecFetcher fetcher, YamlSpecs yaml, ClassPathResourceLoader resources,
                       @Value("${micronaut.application.name:swapper}") String ownName) {
        this.settings = settings;
        this.fetcher = fetcher;
        this.yaml = yaml;
        settings.services().forEach((name, url) -> remote.put(name, new RemoteSpec(name, url)));
        this.own = readOwn(resources, ownName);
    }

    /** Names of every documented service, in display order: the configured ones, then swapper itself. */
    public List<String> names() {
        List<String> names = new ArrayList<>(remote.keySet());
        own.ifPresent(spec -> names.add(spec.name()));
        return names;
    }

    public boolean knows(String name) {
        return remote.containsKey(name) || own.filter(spec -> spec.name().equals(name)).isPresent();
    }

    /** The service's spec as of now, fetching it first if the cached copy is stale or the last fetch failed. */
    public ServiceSpec get(String name) {
        RemoteSpec spec = remote.get(name);
        if (spec == null) {
            return own.filter(o -> o.name().equals(name))
                    .orElseThrow(() -> new IllegalArgumentException("unknown service " + name));
        }
        return spec.current(false);
    }

    public List<ServiceSpec> all() {
        return names().stream().map(this::get).toList();
    }

    /** Refreshes every spec in the background, so the cache holds a good copy before anyone needs it. */
    @Scheduled(fixedDelay = "${dojo.docs.refresh-interval:30s}", initialDelay = "1s")
    void refreshAll() {
        remote.values().forEach(spec -> spec.current(true));
    }

    private Optional<ServiceSpec> readOwn(ClassPathResourceLoader resources, String name) {
        return resources.getResourceAsStream("META-INF/swagger/" + name + ".yml").map(in -> {
            try (InputStream stream = in) {
                Map<String, Object> spec = yaml.parse(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
                return new ServiceSpec(name, true, spec, clock.instant(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** One remote service: its last good spec and the outcome of the last attempt. */
    private final class RemoteSpec {
        private final String name;
        private final URI url;
        private ServiceSpec state;
        private Instant lastAttempt = Instant.EPOCH;
        /** Whether the current outage was reported: one warning per outage (or per new reason), not per retry. */
        private boolean warned;

        RemoteSpec(String name, URI url) {
            this.name = name;
            this.url = url;
            this.state = new ServiceSpec(name, false, null, null, "not fetched yet");
        }

        // one fetch per service at a time: the portal asks for a spec and the merged spec at once
        synchronized ServiceSpec current(boolean force) {
            Instant now = clock.instant();
            Duration freshFor = state.available() ? settings.cacheTtl() : RETRY_AFTER_FAILURE;
            if (force || !now.isBefore(lastAttempt.plus(freshFor))) {
                lastAttempt = now;
                state = fetch(now);
            }
            return state;
        }

        private ServiceSpec fetch(Instant now) {
            try {
                Map<String, Object> spec = yaml.parse(fetcher.fetch(name, url));
                if (!state.available()) {
                    LOG.info("spec of {} fetched from {}", name, url);
                }
                warned = false;
                return new ServiceSpec(name, true, spec, now, null);
            } catch (SpecUnavailableException e) {
                // services start in any order and take a while: one never seen is only worth a warning once it
                // stays unreachable past the platform's ready timeout
                boolean starting = !state.hasSpec() && now.isBefore(started.plus(settings.startupGrace()));
                if (starting) {
                    LOG.debug("spec of {} not there yet ({} from {}): waiting for it to start", name, e.getMessage(),
                            url);
                } else if (!warned || !e.getMessage().equals(state.error())) {
                    LOG.warn("spec of {} unavailable ({} from {}); serving {}", name, e.getMessage(), url,
                            state.hasSpec() ? "the last good copy from " + state.fetchedAt()
                            : "nothing (unreachable for the whole start-up grace of "
                                    + settings.startupGrace().toSeconds() + " s)");
                    warned = true;
                }
                return new ServiceSpec(name, false, state.spec(), state.fetchedAt(), e.getMessage());
            }
        }
    }
}
