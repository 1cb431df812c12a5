package org.matrixcalculustutor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.numeric.NumericEquality;

/**
 * Beyond the listed identities: functions the engine has never seen, generated at random from
 * every construct by their shapes, must be derived right, which central finite differences at
 * random points with distinct sizes confirm. A failure names the function, so it can be replayed.
 */
class RandomDerivationsTest {

  static final int REPETITIONS = 400;

  /** Another base gives another sample of functions (the seed of repetition i is SEED + i). */
  static final long SEED = Long.getLong("randomDerivations.seed", 20_261_123L);

  private final Engine engine = new Engine(Limits.DEFAULT);

  @RepeatedTest(REPETITIONS)
  void randomFunction_isDerivedInAgreementWithFiniteDifferences(RepetitionInfo info) {
    RandomFunctions.Problem problem = RandomFunctions.problem(new Random(SEED + info.getCurrentRepetition()));

    Derivative derived = assertDoesNotThrow(() -> engine.derive(problem.function(), problem.variable(),
        RandomFunctions.DECLARATIONS, problem.layout()), problem::toString);

    assertThat(derived.maxRelativeError()).as("%s = %s", problem, derived.text())
        .isLessThan(IdentitiesTest.CHECK_TOLERANCE);
  }

  @RepeatedTest(REPETITIONS)
  void randomDerivative_printsAsTextThatParsesBackToTheSameValue(RepetitionInfo info) {
    RandomFunctions.Problem problem = RandomFunctions.problem(new Random(SEED + info.getCurrentRepetition()));
    Derivative derived = engine.derive(problem.function(), problem.variable(), RandomFunctions.DECLARATIONS,
        problem.layout());
    var declarations = derived.function().typing().declarations();

    Analysis reparsed = assertDoesNotThrow(() -> engine.analyze(derived.text(), declarations),
        () -> problem + " printed " + derived.text());

    assertThat(NumericEquality.maxRelativeDifference(derived.result(), reparsed.expr(), declarations, 11L, 2))
        .as("%s printed %s", problem, derived.text()).isLessThan(NumericEquality.TOLERANCE);
  }
}
