package org.matrixcalculustutor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.matrixcalculustutor.algebra.Deadline;
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

  /** Before the fix, d(X^k) built its k terms first: X^999999999 ran out of memory. */
  @ParameterizedTest
  @ValueSource(strings = {"tr(X^999999999)", "tr(X^5000000)", "tr(X^1000000)", "tr(X^-999999999)",
      "tr(inv(X)^99999999)", "tr((X^99999)^99999)"})
  void hugeMatrixPowers_areRefusedBeforeTheirTermsAreBuilt(String f) {
    assertThatThrownBy(() -> engine.derive(f, "X", "X: matrix n x n", Layout.DENOMINATOR))
        .isInstanceOf(ExpressionException.class).hasMessageContaining("more than the tutor works with");
  }

  @Test
  void kroneckerSizesBeyondTheLimit_areAClearErrorNotAnOverflow() {
    assertThatThrownBy(() -> engine.analyze("vec(kron(kron(X, X), X))", "X: matrix 64 x 64"))
        .isInstanceOf(ExpressionException.class).hasMessageContaining("more than the 1,000,000");
  }

  @Test
  void aCheckAtLargeDeclaredSizes_evaluatesAtSmallOnes() {
    // 64 x 64 powers evaluated at every point and direction took 20 s for one wrong answer
    Derivative d = engine.derive("tr(X^63)", "X", "X: matrix 64 x 64", Layout.DENOMINATOR);
    Grade grade = Deadline.run(Duration.ofSeconds(5), () -> new Grader(engine).grade(d, "X", 1L));
    assertThat(d.maxRelativeError()).isLessThan(1e-5);
    assertThat(grade.verdict()).isEqualTo(Verdict.INCORRECT);
  }

  @Test
  void aCheckWithAMatrixLiteralOfTheDeclaredSize_keepsThatSize() {
    String literal = "[" + "1, ".repeat(7) + "1" + "; 0, 0, 0, 0, 0, 0, 0, 0".repeat(7) + "]";
    Derivative d = engine.derive("tr(" + literal + "*X)", "X", "X: matrix 8 x 8", Layout.DENOMINATOR);
    assertThat(d.maxRelativeError()).isLessThan(1e-5);
  }

  @Test
  void workPastItsDeadline_endsTheWholeRequest() {
    String f = "tr(" + "(X + X')*".repeat(30) + "X)";
    Throwable thrown = catchThrowable(() -> Deadline.run(Duration.ofMillis(1),
        () -> new Grader(engine).grade(engine.derive(f, "X", "X: matrix n x n", Layout.DENOMINATOR), "X", 1L)));
    assertThat(thrown).isInstanceOf(Deadline.Exceeded.class);
    // on a loaded machine the wall-clock cap can pass first: then the message blames the load, not the input
    assertThat(thrown).hasMessageContaining(((Deadline.Exceeded) thrown).busy() ? "very busy" : "more than 0.001 s");
  }

  @Test
  void optionalWorkPastItsOwnLimit_givesUpAndTheRequestGoesOnUnderItsDeadline() {
    String f = "tr(" + "(X + X')*".repeat(30) + "X)";
    String after = Deadline.run(Duration.ofSeconds(30), () -> {
      Throwable inner = catchThrowable(() -> Deadline.within(Duration.ofMillis(1),
          () -> engine.derive(f, "X", "X: matrix n x n", Layout.DENOMINATOR)));
      assertThat(inner).isInstanceOf(Deadline.Exceeded.class);
      return engine.derive("x'*x", "x", "x: vector n", Layout.DENOMINATOR).text();
    });
    assertThat(after).isEqualTo("2*x");
  }
}
