package org.matrixcalculustutor.algebra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Shapes settled once (a cached problem's derivative) and read by later instances (each grading):
 * every node is there, and a reading instance finds the shapes a fresh one works out.
 */
class ShapesTest {

  private final Declarations declarations =
      Declarations.parse("A: matrix n x n\nB: matrix m x n\nx: vector n\ny: vector m", Limits.DEFAULT);
  private final Set<String> names = Set.of("A", "B", "x", "y");

  private Expr parse(String text) {
    return Parser.parse(text, Limits.DEFAULT, names).expr();
  }

  private static void nodes(Expr e, List<Expr> into) {
    into.add(e);
    Children.of(e).forEach(child -> nodes(child, into));
  }

  @Test
  void settledShapes_holdEveryNodeOfTheTree() {
    Expr expected = parse("(A + A')*x + B'*y");
    Map<Expr, Shape> settled = new Shapes(declarations).settledShapes(expected);
    List<Expr> all = new java.util.ArrayList<>();
    nodes(expected, all);
    assertThat(all).allSatisfy(node -> assertThat(settled).containsKey(node));
    assertThat(settled.get(expected)).isEqualTo(Shape.vector(Size.of("n")));
  }

  @Test
  void aGradingsShapes_readTheSettledOnes_andFindWhatAFreshInstanceFinds() {
    Expr expected = parse("(A + A')*x + B'*y");
    Map<Expr, Shape> settled = new Shapes(declarations).settledShapes(expected);
    Typing answer = ShapeChecker.check(parse("2*A*x"), declarations);
    Shapes grading = Shapes.of(answer, settled);
    Shapes fresh = new Shapes(declarations);
    for (Expr e : List.of(expected, new Expr.Sum(List.of(answer.root(), expected)),
        Exprs.transpose(expected), Exprs.product(Exprs.number(-1), expected))) {
      assertThat(grading.of(e)).isEqualTo(fresh.of(e));
    }
    assertThat(grading.fitInOneSum(answer.root(), expected)).isTrue();
    assertThat(grading.fitInOneSum(Exprs.transpose(answer.root()), expected)).isFalse();
    assertThat(grading.fitInOneSum(Exprs.ZERO, expected)).isTrue();
    assertThatThrownBy(() -> grading.of(new Expr.Sum(List.of(parse("B*x"), expected))))
        .isInstanceOf(ExpressionException.class);
  }
}
