package dev.dojo.eval.exercise;

import dev.dojo.common.envelope.FieldError;
import dev.dojo.common.envelope.Messages;
import dev.dojo.eval.grading.Grade;
import dev.dojo.eval.grading.Grader;
import dev.dojo.eval.grading.JsonValues;
import dev.dojo.eval.grading.TestCase;
import dev.dojo.common.errors.PathId;
import dev.dojo.common.errors.Rejection;
import dev.dojo.eval.sandbox.Sandbox;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Exercise rules: hidden fields only for admins, and no exercise whose reference solution fails its own tests. */
@Singleton
public class ExerciseService {

    public static final String MISSING = "Exercise does not exist.";
    static final String DEFAULT_STARTER = "# Enter your code here.\n";

    private final ExerciseRepository repository;
    private final Grader grader;
    private final Sandbox sandbox;
    private final JsonMapper json;

    public ExerciseService(ExerciseRepository repository, Grader grader, Sandbox sandbox, JsonMapper json) {
        this.repository = repository;
        this.grader = grader;
        this.sandbox = sandbox;
        this.json = json;
    }

    public List<ExerciseView> list(boolean admin) {
        return repository.findAllOrderById().stream().map(e -> view(e, admin)).toList();
    }

    public ExerciseView get(String id, boolean admin) {
        return view(find(id), admin);
    }

    /** Unknown and non-numeric ids alike answer 404. */
    public Exercise find(String id) {
        return PathId.parse(id).flatMap(repository::findById).orElseThrow(() -> Rejection.notFound(MISSING));
    }

    public Exercise find(long id) {
        return repository.findById(id).orElseThrow(() -> Rejection.notFound(MISSING));
    }

    public ExerciseView create(ExerciseRequest request) {
        requireSolutionPasses(request);
        Exercise saved = repository.save(new Exercise(null, request.title(), request.body(), request.language(),
                starter(request), encode(request.tests()), request.solution(), null, null));
        return view(saved, true);
    }

    public ExerciseView update(String id, ExerciseRequest request) {
        Exercise existing = find(id);
        requireSolutionPasses(request);
        Exercise updated = repository.update(new Exercise(existing.id(), request.title(), request.body(),
                request.language(), starter(request), encode(request.tests()), request.solution(),
                existing.createdAt(), null));
        return view(repository.findById(updated.id()).orElse(updated), true);
    }

    public void delete(String id) {
        repository.delete(find(id));
    }

    public List<TestCase> tests(Exercise exercise) {
        try {
            return json.readValue(exercise.tests(), Argument.listOf(TestCase.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seeding creates rows directly: the seed's own test grades its solutions. */
    public boolean seed(ExerciseRequest request) {
        if (repository.existsByTitle(request.title())) {
            return false;
        }
        repository.save(new Exercise(null, request.title(), request.body(), request.language(), starter(request),
                encode(request.tests()), request.solution(), null, null));
        return true;
    }

    private void requireSolutionPasses(ExerciseRequest request) {
        if (!sandbox.supports(request.language())) {
            throw new Rejection(HttpStatus.BAD_REQUEST, Messages.INVALID_PAYLOAD,
                    List.of(new FieldError("language", "unsupported language")));
        }
        if (request.tests().stream().anyMatch(test -> JsonValues.containsNonFinite(test.expected()))) {
            throw new Rejection(HttpStatus.BAD_REQUEST, Messages.INVALID_PAYLOAD,
                    List.of(new FieldError("tests", "expected must not hold a number beyond double range")));
        }
        Grade grade = grader.grade(request.language(), request.solution(), request.tests());
        if (!grade.passed()) {
            throw new Rejection(HttpStatus.BAD_REQUEST,
                    "The reference solution fails its own test: " + grade.firstFailure());
        }
    }

    private static String starter(ExerciseRequest request) {
        return request.starterCode() == null ? DEFAULT_STARTER : request.starterCode();
    }

    private String encode(List<TestCase> tests) {
        try {
            return json.writeValueAsString(tests);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ExerciseView view(Exercise e, boolean admin) {
        return new ExerciseView(e.id(), e.title(), e.body(), e.language(), e.starterCode(),
                admin ? tests(e) : null, admin ? e.solution() : null, e.createdAt(), e.updatedAt());
    }
}
