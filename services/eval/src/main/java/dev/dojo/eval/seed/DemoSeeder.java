package dev.dojo.eval.seed;

import dev.dojo.eval.exercise.ExerciseRequest;
import dev.dojo.eval.exercise.ExerciseService;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Dev-only demo data ({@code DOJO_SEED_DEMO=true}): the original three exercises and a few harder ones. Idempotent
 * (by title), and deliberately not a migration, so production databases never get demo rows.
 */
@Singleton
@Requires(property = "dojo.seed-demo", value = "true")
public class DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private final ExerciseService exercises;
    private final JsonMapper json;

    public DemoSeeder(ExerciseService exercises, JsonMapper json) {
        this.exercises = exercises;
        this.json = json;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        long added = seedExercises().stream().filter(exercises::seed).count();
        LOG.info("Demo seed: {} exercise(s) added", added);
    }

    /** The seed exercises, also used by the test that proves every seed solution passes its own tests. */
    public List<ExerciseRequest> seedExercises() {
        try (InputStream in = DemoSeeder.class.getResourceAsStream("/seed/exercises.json")) {
            return json.readValue(in.readAllBytes(), Argument.listOf(ExerciseRequest.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
