package org.matrixcalculustutor.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.engine.Engine;
import org.matrixcalculustutor.grading.Grade;
import org.matrixcalculustutor.grading.Verdict;

/**
 * Grading never fails: every text a student can submit, at every exercise and its variants, is
 * correct, incorrect (with diagnoses) or invalid (with a message and a position inside the text),
 * never an exception. The answers are generated: constants of every shape, scalars where matrices
 * belong, random well-formed expressions over the exercise's symbols, the expected answer with one
 * mutation, random strings and Unicode. Another sample:
 * {@code ./mvnw -B test -Dtest=GradingNeverFailsTest -DargLine="-DgradingNeverFails.seed=7 -DgradingNeverFails.variants=10"}.
 */
class GradingNeverFailsTest {

  static final long SEED = Long.getLong("gradingNeverFails.seed", 20_261_130L);

  /** Variants tried per exercise: the exercise as written, and others drawn (more with -DgradingNeverFails.variants=N). */
  static final int VARIANTS = Integer.getInteger("gradingNeverFails.variants", 2);

  private static final Engine ENGINE = new Engine(Limits.DEFAULT);
  private static final ExerciseBank BANK = ExerciseBank.load();
  private static final ExerciseChecker CHECKER = new ExerciseChecker(ENGINE);

  static Stream<Exercise> exercises() {
    return BANK.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exercises")
  void everyGeneratedAnswer_isGradedNeverAFailure(Exercise exercise) {
    Random random = new Random(SEED ^ exercise.id().hashCode());
    Set<Verdict> verdicts = java.util.EnumSet.noneOf(Verdict.class);
    for (int v = 0; v < VARIANTS; v++) {
      long seed = v == 0 ? 0 : 1 + random.nextInt(997);
      Variant variant = CHECKER.variant(exercise, seed);
      String expected = CHECKER.expected(variant).text();
      for (String answer : StudentAnswers.generate(random, variant, expected)) {
        Grade grade;
        try {
          grade = CHECKER.attempt(exercise, seed, answer);
        } catch (RuntimeException | StackOverflowError failure) {
          throw new AssertionError(exercise.id() + " seed " + seed + ": grading \"" + answer + "\" failed", failure);
        }
        StudentAnswers.assertWellFormed(grade, answer, exercise.id() + " seed " + seed);
        verdicts.add(grade.verdict());
      }
    }
    assertThat(verdicts).as("the answers reach every verdict").containsExactlyInAnyOrder(Verdict.values());
  }
}
