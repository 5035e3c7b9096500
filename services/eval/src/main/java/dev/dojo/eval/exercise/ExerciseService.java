package dev.dojo.eval.exercise;

import dev.dojo.eval.grading.Grade;
import dev.dojo.eval.grading.Grader;
import dev.dojo.eval.grading.Literal;
import dev.dojo.eval.grading.TestCase;
import dev.dojo.eval.grading.Values;
import dev.dojo.common.errors.PathId;
import dev.dojo.common.errors.Rejection;
import dev.dojo.eval.sandbox.Sandbox;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.List;

/** Exercise rules: hidden fields only for admins, and no exercise whose reference solution fails its own tests. */
@Singleton
public class ExerciseService {

    public static final String MISSING = "Exercise does not exist.";
    static final String DEFAULT_STARTER = "# Enter your code here.\n";

    private final ExerciseRepository repository;
    private final Grader grader;
    private final Sandbox sandbox;

    public ExerciseService(ExerciseRepository repository, Grader grader, Sandbox sandbox) {
        this.repository = repository;
        this.grader = grader;
        this.sandbox = sandbox;
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
                starter(request), request.tests(), tolerance(request), request.solution(), null, null));
        return view(saved, true);
    }

    public ExerciseView update(String id, ExerciseRequest request) {
        Exercise existing = find(id);
        requireSolutionPasses(request);
        Exercise updated = repository.update(new Exercise(existing.id(), request.title(), request.body(),
                request.language(), starter(request), request.tests(), tolerance(request), request.solution(),
                existing.createdAt(), null));
        return view(repository.findById(updated.id()).orElse(updated), true);
    }

    public void delete(String id) {
        repository.delete(find(id));
    }

    /** Seeding creates rows directly: the seed's own test grades its solutions. */
    public boolean seed(ExerciseRequest request) {
        if (repository.existsByTitle(request.title())) {
            return false;
        }
        requireValidTests(request);
        repository.save(new Exercise(null, request.title(), request.body(), request.language(), starter(request),
                request.tests(), tolerance(request), request.solution(), null, null));
        return true;
    }

    private void requireSolutionPasses(ExerciseRequest request) {
        if (!sandbox.supports(request.language())) {
            throw Rejection.invalid("language", "unsupported language");
        }
        requireValidTests(request);
        Grade grade = grader.grade(request.language(), request.solution(), request.tests(), tolerance(request));
        if (!grade.passed()) {
            throw new Rejection(HttpStatus.BAD_REQUEST,
                    "The reference solution fails its own test: " + grade.firstFailure());
        }
    }

    private static void requireValidTests(ExerciseRequest request) {
        if (request.floatTolerance() != null && !Double.isFinite(request.floatTolerance())) {
            throw Rejection.invalid("float_tolerance", "must be a finite number");
        }
        if (request.tests().stream().anyMatch(test -> Values.containsNonFinite(test.expected()))) {
            throw Rejection.invalid("tests", "expected must not hold a number beyond double range");
        }
        if (request.tests().stream().allMatch(TestCase::isHidden)) {
            throw Rejection.invalid("tests", "at least one test must be an example (hidden: false)");
        }
        if (request.tests().stream().noneMatch(TestCase::isHidden)) {
            throw Rejection.invalid("tests", "at least one test must be hidden");
        }
    }

    private static String starter(ExerciseRequest request) {
        return request.starterCode() == null ? DEFAULT_STARTER : request.starterCode();
    }

    private static double tolerance(ExerciseRequest request) {
        return request.floatTolerance() == null ? 0.0 : request.floatTolerance();
    }

    private static ExerciseView view(Exercise e, boolean admin) {
        List<ExampleView> examples = e.tests().stream().filter(t -> !t.isHidden())
                .map(t -> new ExampleView(t.name(), t.call(), Literal.of(t.expectedValue()))).toList();
        List<TestCase> tests = admin
                ? e.tests().stream().map(t -> new TestCase(t.name(), t.call(), t.expected(), t.isHidden())).toList()
                : null;
        return new ExerciseView(e.id(), e.title(), e.body(), e.language(), e.starterCode(), examples,
                e.floatTolerance(), tests, admin ? e.solution() : null, e.createdAt(), e.updatedAt());
    }
}
