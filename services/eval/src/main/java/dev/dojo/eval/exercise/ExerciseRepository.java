package dev.dojo.eval.exercise;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ExerciseRepository extends CrudRepository<Exercise, Long> {

    List<Exercise> findAllOrderById();

    boolean existsByTitle(String title);
}
