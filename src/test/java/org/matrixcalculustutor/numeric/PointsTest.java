package org.matrixcalculustutor.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Parser;

/** A cached problem's points: drawn once, made symmetric once, its derivative's values worked out once. */
class PointsTest {

  private final Declarations declarations = Declarations.parse("A: matrix n x n\nx: vector n", Limits.DEFAULT);
  private final Points points = new Points(declarations, 5L);
  private final Expr expected = Parser.parse("A*x + A'*x", Limits.DEFAULT, Set.of("A", "x")).expr();

  @Test
  void theDerivativesValues_areWorkedOutOnceAndShared() {
    java.util.Map<Expr, DMatrixRMaj> first = points.partsOf(expected, points.get(0));
    assertThat(points.partsOf(expected, points.get(0))).isSameAs(first);
    assertThat(first).containsKey(expected).hasSize(8); // every node by identity: the sum, A*x, A'*x, A', A, x, A, x
    assertThat(first.get(expected).getNumElements()).isEqualTo(points.get(0).value("x").getNumElements());
  }

  @Test
  void aDerivativeWithLargeValues_isEvaluatedAtEachGradingNotKept() {
    Declarations large = Declarations.parse("K: matrix 7 x 7", Limits.DEFAULT);
    Points kronPoints = new Points(large, 5L);
    Expr kron = Parser.parse("kron(K, K)", Limits.DEFAULT, Set.of("K")).expr(); // 49 x 49: 2,401 numbers
    java.util.Map<Expr, DMatrixRMaj> first = kronPoints.partsOf(kron, kronPoints.get(0));
    assertThat(first.get(kron).getNumElements()).isEqualTo(2_401).isGreaterThan(Points.MAX_KEPT_NUMBERS);
    assertThat(kronPoints.partsOf(kron, kronPoints.get(0))).isNotSameAs(first);
  }

  @Test
  void anotherExpressionsValues_areNotKept() {
    points.partsOf(expected, points.get(0));
    Expr other = Parser.parse("A*x", Limits.DEFAULT, Set.of("A", "x")).expr();
    assertThat(points.partsOf(other, points.get(0))).isEmpty();
  }

  @Test
  void aMadePoint_isMadeOnceFromTheDrawnOne() {
    Bindings symmetric = points.made(1, List.of("A"), NumericEquality.SYMMETRIC);
    assertThat(points.made(1, List.of("A"), NumericEquality.SYMMETRIC)).isSameAs(symmetric);
    DMatrixRMaj a = symmetric.value("A").getDDRM();
    DMatrixRMaj drawn = points.get(1).value("A").getDDRM();
    for (int i = 0; i < a.numRows; i++) {
      for (int j = 0; j < a.numCols; j++) {
        assertThat(a.get(i, j)).isEqualTo(a.get(j, i)).isEqualTo((drawn.get(i, j) + drawn.get(j, i)) / 2);
      }
    }
    assertThat(symmetric.value("x")).isSameAs(points.get(1).value("x"));
  }
}
