package dev.dojo.eval.submission;

import dev.dojo.eval.score.ScoreRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Writes a graded submission and its score update in one transaction: both or neither. */
@Singleton
public class SubmissionRecorder {

    private final SubmissionRepository submissions;
    private final ScoreRepository scores;

    public SubmissionRecorder(SubmissionRepository submissions, ScoreRepository scores) {
        this.submissions = submissions;
        this.scores = scores;
    }

    @Transactional
    public Submission record(Submission submission, boolean solved) {
        Submission saved = submissions.save(submission);
        scores.recordAttempt(submission.userId(), submission.exerciseId(), solved);
        return saved;
    }
}
