package dev.dojo.eval.seed;

import dev.dojo.eval.exercise.ExerciseRequest;
import dev.dojo.eval.grading.Grade;
import dev.dojo.eval.grading.Grader;
import dev.dojo.eval.testing.ApiTestBase;
import dev.dojo.eval.testing.EvalProperties;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class DemoSeederTest extends ApiTestBase {

    @Inject
    DemoSeeder seeder;

    @Inject
    Grader grader;

    @Override
    public Map<String, String> getProperties() {
        return EvalProperties.of("dojo.seed-demo", "true");
    }

    @Test
    void seedsTheOriginalThreeAndHarderOnesOnce() {
        List<?> exercises = (List<?>) api.get("/exercises", null).data().get("exercises");
        assertEquals(10, exercises.size());
        assertTrue(exercises.toString().contains("title=Sum") && exercises.toString().contains("title=Reverse")
                && exercises.toString().contains("title=Factorial"));
        seeder.onStartup(null);
        assertEquals(10, ((List<?>) api.get("/exercises", null).data().get("exercises")).size());
    }

    @Test
    void everySeedSolutionPassesItsTestsAndTheStarterCodeDoesNot() {
        for (ExerciseRequest exercise : seeder.seedExercises()) {
            Grade solved = grader.grade(exercise.language(), exercise.solution(), exercise.tests(), 0);
            assertTrue(solved.passed(), exercise.title() + ": " + solved);
            Grade starter = grader.grade(exercise.language(), exercise.starterCode(), exercise.tests(), 0);
            assertFalse(starter.passed(), exercise.title());
        }
    }

    @Test
    void everySeedHasOneOrTwoExamplesAndHiddenTestsForTheRest() {
        for (ExerciseRequest exercise : seeder.seedExercises()) {
            long examples = exercise.tests().stream().filter(t -> !t.isHidden()).count();
            long hidden = exercise.tests().stream().filter(t -> t.isHidden()).count();
            assertTrue(examples >= 1 && examples <= 2, exercise.title() + ": " + examples + " examples");
            assertTrue(hidden >= 2, exercise.title() + ": " + hidden + " hidden tests");
        }
    }
}
