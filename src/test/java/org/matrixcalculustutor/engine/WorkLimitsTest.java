package org.matrixcalculustutor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Simplifier;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.grading.Grade;
import org.matrixcalculustutor.grading.Grader;
import org.matrixcalculustutor.grading.Verdict;

/**
 * Short inputs whose work would grow exponentially (the product rule doubles d(X^2) at each level,
 * expanding (A + A')^k has 2^k terms) meet the engine's size and work limits: a clear message for a
 * derivative, and grading by numbers alone for an answer too large to expand.
 */
class WorkLimitsTest {

  private final Engine engine = new Engine(Limits.DEFAULT);

  @Test
  void nestedSquares_stopAtTheSizeLimitWithAClearMessage() {
    String nested = "tr(" + "(".repeat(40) + "X" + ")^2".repeat(40) + ")";
    assertThatThrownBy(() -> engine.derive(nested, "X", "X: matrix n x n", Layout.DENOMINATOR))
        .isInstanceOf(ExpressionException.class).hasMessageContaining("more than the tutor works with");
  }

  @Test
  void longProduct_stopsAtALimitWithAClearMessage() {
    String product = "tr(" + "X*".repeat(600) + "X)";
    assertThatThrownBy(() -> engine.derive(product, "X", "X: matrix n x n", Layout.DENOMINATOR))
        .isInstanceOf(ExpressionException.class).hasMessageContaining("more than the tutor works with");
  }

  @Test
  void hessianOfNestedSquares_stopsAtALimitWithAClearMessage() {
    // the second differential of (((X^2)^2)^2)... grows faster still than the first
    String nested = "tr(" + "(".repeat(12) + "X" + ")^2".repeat(12) + ")";
    assertThatThrownBy(() -> engine.derive(nested, "X", "X: matrix n x n", Layout.DENOMINATOR, 2))
        .isInstanceOf(ExpressionException.class).hasMessageContaining("more than the tutor works with");
  }

  @Test
  void vecJacobianOfALongProduct_stopsAtALimitWithAClearMessage() {
    String product = "X*".repeat(400) + "X";
    assertThatThrownBy(() -> engine.derive(product, "X", "X: matrix n x n", Layout.NUMERATOR))
        .isInstanceOf(ExpressionException.class).hasMessageContaining("more than the tutor works with");
  }

  @Test
  void answerTooLargeToExpand_isStillGradedByNumbers() {
    String huge = "(A + A' + I)*".repeat(40) + "x";
    var typing = engine.analyze(huge, "A: matrix n x n\nx: vector n").typing();
    assertThatThrownBy(() -> Simplifier.normalForm(typing.root(), typing))
        .isInstanceOf(ExpressionException.class).hasMessageContaining("more than the tutor works with");

    Derivative expected = engine.derive("x'*A*x", "x", "A: matrix n x n\nx: vector n", Layout.DENOMINATOR);
    Grade grade = new Grader(engine).grade(expected, huge, 5L);

    assertThat(grade.verdict()).isEqualTo(Verdict.INCORRECT);
  }
}
