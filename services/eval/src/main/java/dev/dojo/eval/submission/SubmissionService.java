package dev.dojo.eval.submission;

import dev.dojo.eval.exercise.Exercise;
import dev.dojo.eval.exercise.ExerciseService;
import dev.dojo.eval.grading.Grade;
import dev.dojo.eval.grading.Grader;
import dev.dojo.eval.grading.TestOutcome;
import dev.dojo.eval.grading.Verdict;
import dev.dojo.common.errors.PathId;
import dev.dojo.common.errors.Rejection;
import dev.dojo.common.security.Caller;
import jakarta.inject.Singleton;

import java.util.List;

/** Grades a submission, records it and the caller's score together, and shows submissions to their owners. */
@Singleton
public class SubmissionService {

    public static final String MISSING = "Submission does not exist.";

    private final ExerciseService exercises;
    private final Grader grader;
    private final SubmissionRepository submissions;
    private final SubmissionRecorder recorder;

    public SubmissionService(ExerciseService exercises, Grader grader, SubmissionRepository submissions,
                             SubmissionRecorder recorder) {
        this.exercises = exercises;
        this.grader = grader;
        this.submissions = submissions;
        this.recorder = recorder;
    }

    /** Grading happens outside any transaction: no database connection is held while code runs. */
    public SubmissionView submit(Caller caller, SubmissionRequest request) {
        Exercise exercise = exercises.find(request.exerciseId());
        Grade grade = grader.grade(caller.userId(), exercise.language(), request.code(), exercise.tests(),
                exercise.floatTolerance());
        String output = grade.message() == null ? grade.output()
                : grade.output() + (grade.output().isEmpty() || grade.output().endsWith("\n") ? "" : "\n")
                + grade.message();
        Submission saved = recorder.record(new Submission(null, caller.userId(), exercise.id(), request.code(),
                grade.verdict(), grade.results(), output, grade.outputTruncated(), grade.durationMs(), null),
                grade.passed());
        return view(caller, saved);
    }

    public SubmissionView get(Caller caller, String id) {
        Submission submission = PathId.parse(id).flatMap(submissions::findById)
                .orElseThrow(() -> Rejection.notFound(MISSING));
        if (!caller.admin() && caller.userId() != submission.userId()) {
            throw Rejection.forbidden();
        }
        return view(caller, submission);
    }

    /** Own submissions, newest first; admins see everyone's. */
    public List<SubmissionView> list(Caller caller, Long exerciseId) {
        List<Submission> found;
        if (caller.admin()) {
            found = exerciseId == null ? submissions.findTop100OrderByIdDesc()
                    : submissions.findTop100ByExerciseIdOrderByIdDesc(exerciseId);
        } else {
            found = exerciseId == null ? submissions.findTop100ByUserIdOrderByIdDesc(caller.userId())
                    : submissions.findTop100ByUserIdAndExerciseIdOrderByIdDesc(caller.userId(), exerciseId);
        }
        return found.stream().map(s -> view(caller, s)).toList();
    }

    /** Admins see every test whole; anyone else sees hidden tests only as passed or failed. */
    private static SubmissionView view(Caller caller, Submission s) {
        List<TestOutcome> results = caller.admin() ? s.results()
                : s.results().stream().map(TestOutcome::forLearner).toList();
        return new SubmissionView(s.id(), s.exerciseId(), s.verdict(), s.verdict() == Verdict.passed, results,
                s.output(), s.outputTruncated(), s.durationMs(), s.createdAt());
    }
}
