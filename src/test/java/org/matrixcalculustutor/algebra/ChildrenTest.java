package org.matrixcalculustutor.algebra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChildrenTest {

  /** One node in two places, as x - a in (x - a)/||x - a||: an edit of one place leaves the other. */
  @Test
  void aPlace_isReplacedThereOnly_whenItsNodeIsShared() {
    Expr shared = Parser.parse("x - a", Limits.DEFAULT);
    Expr root = new Expr.Product(List.of(shared, new Expr.Norm(shared)));
    List<Children.Place> places = Children.places(root, node -> node == shared);
    assertThat(places).containsExactly(new Children.Place(shared, 0), new Children.Place(shared, 1));
    Expr other = Parser.parse("x + a", Limits.DEFAULT);
    assertThat(Children.replace(root, places.get(1), other))
        .isEqualTo(new Expr.Product(List.of(shared, new Expr.Norm(other))));
    assertThat(Children.replace(root, places.get(0), other))
        .isEqualTo(new Expr.Product(List.of(other, new Expr.Norm(shared))));
    // by node alone, both places change
    assertThat(Children.replace(root, shared, other)).isEqualTo(new Expr.Product(List.of(other, new Expr.Norm(other))));
  }
}
