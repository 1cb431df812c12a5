package org.matrixcalculustutor.algebra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A shape clash that one transpose would fix gets a teacher's remark with the fix. */
class ShapeSlipsTest {

  private static final Declarations LEAST_SQUARES = Declarations.parse(
      "A: matrix m x n\nx: vector n\nb: vector m\nX: matrix m x n\nw: vector n\ny: vector m", Limits.DEFAULT);

  private static ExpressionException remark(String text) {
    Parser.Result parsed = Parser.parse(text, Limits.DEFAULT, java.util.Set.of("A", "x", "b", "X", "w", "y"));
    try {
      ShapeChecker.check(parsed.expr(), LEAST_SQUARES, parsed.spans());
    } catch (ExpressionException clash) {
      return ShapeSlips.explain(clash, parsed.expr(), LEAST_SQUARES, parsed.spans());
    }
    throw new AssertionError(text + " checks");
  }

  @Test
  void aForgottenTranspose_isNamedWithBothShapesAndTheFix() {
    ExpressionException e = remark("A*(A*x - b)");
    assertThat(e.getMessage())
        .isEqualTo("A is m x n and A*x - b has length m, so A*(A*x - b) does not fit; did you mean A'*(A*x - b)?");
    assertThat(e.suggestion()).isEqualTo("A'*(A*x - b)");
    assertThat(e.position()).isEqualTo(1);
  }

  @Test
  void aLeadingNumber_isNotPartOfTheNamedFactor() {
    ExpressionException e = remark("2*X*(X*w - y)");
    assertThat(e.getMessage()).startsWith("X is m x n and X*w - y has length m, so 2*X*(X*w - y) does not fit")
        .endsWith("did you mean 2*X'*(X*w - y)?");
  }

  @Test
  void aTransposeTooMany_isDroppedBeforeOneIsAdded() {
    ExpressionException e = remark("A*x - b'");
    assertThat(e.getMessage()).endsWith("did you mean A*x - b?");
    assertThat(e.suggestion()).isEqualTo("A*x - b");
  }

  @Test
  void theClashDeepInsideAnAnswer_isFoundWhereItIs() {
    ExpressionException e = remark("3*x + 2*A*(A*x - b)");
    assertThat(e.suggestion()).isEqualTo("3*x + 2*A'*(A*x - b)");
    assertThat(e.getMessage()).contains("did you mean 2*A'*(A*x - b)?");
  }

  @Test
  void aClashNoTransposeFixes_keepsItsOwnMessage() {
    ExpressionException e = remark("x + b");
    assertThat(e.suggestion()).isNull();
    assertThat(e.getMessage()).contains("x + b").contains("equal shapes");
    assertThat(remark("tr(A)").suggestion()).isNull();
  }
}
