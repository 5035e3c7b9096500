package dev.dojo.swapper.spec;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The real fetcher, which also notes every attempt (service and calling thread), so a test can wait for "the
 * background refresh tried" or "tried five times" instead of sleeping past a schedule. On where a test sets
 * {@code dojo.test.count-fetches}.
 */
@Singleton
@Replaces(SpecFetcher.class)
@Requires(property = "dojo.test.count-fetches", value = "true")
public class CountingSpecFetcher extends SpecFetcher {

    /** One attempt: which service, on which thread, and whether it brought a spec. */
    public record Attempt(String service, String thread, boolean fetched) {
        public boolean background() {
            return thread.startsWith("scheduled-executor");
        }
    }

    private final List<Attempt> attempts = new ArrayList<>();

    public CountingSpecFetcher(DocsSettings settings) {
        super(settings);
    }

    @Override
    public String fetch(String service, URI base) {
        boolean fetched = false;
        try {
            String spec = super.fetch(service, base);
            fetched = true;
            return spec;
        } finally {
            synchronized (attempts) {
                attempts.add(new Attempt(service, Thread.currentThread().getName(), fetched));
            }
        }
    }

    public List<Attempt> attempts(String service) {
        synchronized (attempts) {
            return attempts.stream().filter(a -> a.service().equals(service)).toList();
        }
    }
}
