package dev.dojo.eval.submission;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

/** Lists are capped at the newest 100. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SubmissionRepository extends CrudRepository<Submission, Long> {

    List<Submission> findTop100ByUserIdOrderByIdDesc(long userId);

    List<Submission> findTop100ByUserIdAndExerciseIdOrderByIdDesc(long userId, long exerciseId);

    List<Submission> findTop100ByExerciseIdOrderByIdDesc(long exerciseId);

    List<Submission> findTop100OrderByIdDesc();
}
