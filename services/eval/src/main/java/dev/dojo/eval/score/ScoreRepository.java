package dev.dojo.eval.score;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** Read access for the API, plus the one write the grader makes. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ScoreRepository extends GenericRepository<Score, Long> {

    Optional<Score> findById(long id);

    List<Score> findByUserIdOrderByExerciseId(long userId);

    List<Score> listOrderById();

    /** One more attempt; solved stays solved, and the first solve time is kept. Atomic under concurrency. */
    @Query("""
            INSERT INTO scores (user_id, exercise_id, solved, attempts, first_solved_at, updated_at)
            VALUES (:userId, :exerciseId, :solved, 1, CASE WHEN :solved THEN now() END, now())
            ON CONFLICT (user_id, exercise_id) DO UPDATE SET
                attempts = scores.attempts + 1,
                solved = scores.solved OR EXCLUDED.solved,
                first_solved_at = COALESCE(scores.first_solved_at, EXCLUDED.first_solved_at),
                updated_at = now()
            """)
    void recordAttempt(long userId, long exerciseId, boolean solved);
}
