package org.matrixcalculustutor.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.Exprs;
import org.matrixcalculustutor.algebra.Shapes;
import org.matrixcalculustutor.algebra.Simplifier;
import org.matrixcalculustutor.algebra.TextPrinter;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.engine.Derivative;
import org.matrixcalculustutor.engine.Engine;
import org.matrixcalculustutor.engine.RandomFunctions;
import org.matrixcalculustutor.engine.RandomFunctions.Kind;
import org.matrixcalculustutor.engine.RandomFunctions.Problem;

/**
 * The grader on gradients it has never seen: for random functions, the engine's own answer is
 * correct, and the classic slips made from it (twice it, its negative, a term left out, its transpose) get their
 * diagnoses, found by evaluating variants, whatever the function.
 */
class RandomGradingTest {

  static final int REPETITIONS = 100;

  static final long SEED = 7_000L;

  /** Variables that are neither scalar nor square, so their gradient's transpose has another shape. */
  static final Set<String> RECTANGULAR = Set.of("X", "W", "x", "y");

  private final Engine engine = new Engine(Limits.DEFAULT);
  private final Grader grader = new Grader(engine);

  @RepeatedTest(REPETITIONS)
  void slipsFromTheRightGradient_getTheirDiagnoses(RepetitionInfo info) {
    Random random = new Random(SEED + info.getCurrentRepetition());
    Problem problem = RandomFunctions.problem(random, Kind.SCALAR_FUNCTION);
    Derivative expected = engine.derive(problem.function(), problem.variable(), RandomFunctions.DECLARATIONS,
        problem.layout());
    String right = expected.text();
    long seed = random.nextLong();

    assertThat(grader.grade(expected, right, seed).verdict()).as("%s: %s", problem, right)
        .isEqualTo(Verdict.CORRECT);
    if (Exprs.isZero(expected.result())) {
      return; // twice zero is zero
    }
    assertThat(grader.grade(expected, "2*(" + right + ")", seed).diagnoses()).as("%s: twice %s", problem, right)
        .extracting(Diagnosis::code).contains(DiagnosisCode.FACTOR);
    assertThat(grader.grade(expected, "-(" + right + ")", seed).diagnoses()).as("%s: minus %s", problem, right)
        .extracting(Diagnosis::code).contains(DiagnosisCode.SIGN);
    Shapes shapes = new Shapes(expected.function().typing().declarations());
    if (Simplifier.normalForm(expected.result(), shapes) instanceof Expr.Sum sum
        && sum.terms().size() <= Grader.MAX_TERMS_SEARCHED) {
      Expr dropped = sum.terms().get(random.nextInt(sum.terms().size()));
      String withoutIt = TextPrinter.print(Exprs.sum(sum.terms().stream().filter(t -> t != dropped).toList()));
      // FACTOR when the term left out equals the rest, as the two terms of d(x'Sx) for a symmetric S do
      assertThat(grader.grade(expected, withoutIt, seed).diagnoses()).as("%s: %s without %s", problem, right,
          TextPrinter.print(dropped)).extracting(Diagnosis::code)
          .containsAnyOf(DiagnosisCode.MISSING_TERM, DiagnosisCode.FACTOR);
    }
    if (RECTANGULAR.contains(problem.variable())) {
      assertThat(grader.grade(expected, "(" + right + ")'", seed).diagnoses())
          .as("%s: transposed %s", problem, right).extracting(Diagnosis::code).containsExactly(DiagnosisCode.LAYOUT);
    }
  }
}
