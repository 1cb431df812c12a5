package org.matrixcalculustutor.algebra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Node counts are tree sizes, counted in the time of a tree's distinct lists. */
class NodeCounterTest {

  private static final Expr A = new Expr.Symbol("A");
  private static final Expr X = new Expr.Symbol("X");

  @Test
  void count_isTheSizeOfTheTree_everyNodeOnce() {
    // A*X + kron(A, X''): the sum; a product and its two leaves; a kron, its leaf and two transposes of a leaf
    Expr e = new Expr.Sum(List.of(new Expr.Product(List.of(A, X)),
        new Expr.Kron(A, new Expr.Transpose(new Expr.Transpose(X)))));
    assertThat(NodeCounter.count(e)).isEqualTo(1 + 3 + 5);
    assertThat(NodeCounter.count(A)).isEqualTo(1);
  }

  @Test
  void aSharedPart_countsOnceForEachPlaceItStands() {
    Expr p = new Expr.Product(List.of(A, X));
    Expr twice = new Expr.Sum(List.of(p, new Expr.Transpose(p)));
    assertThat(NodeCounter.count(twice)).isEqualTo(1 + 3 + 4);
  }

  @Test
  @Timeout(5)
  void aTreeThatDoublesAtEveryLevel_isCountedAtOnce_andSaturates() {
    // d(X^2) = dX X + X dX over and over: 2^80 nodes as a tree, 160 distinct lists
    Expr e = X;
    for (int level = 0; level < 80; level++) {
      e = new Expr.Sum(List.of(new Expr.Product(List.of(e, A)), new Expr.Product(List.of(A, e))));
    }
    assertThat(NodeCounter.count(e)).isGreaterThan(Limits.MAX_EXPRESSION_SIZE).isLessThanOrEqualTo(NodeCounter.SATURATED + 1L);
    Expr tooLarge = e;
    assertThatThrownBy(() -> NodeCounter.requireWithinLimit(tooLarge, "the differential"))
        .isInstanceOf(ExpressionException.class).hasMessageStartingWith("the differential of this expression grows beyond");
  }
}
