package org.matrixcalculustutor.algebra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExprOrderTest {

  private static final Declarations DECLARED = Declarations.parse("""
      A: matrix n x n
      B: matrix n x n
      x: vector n
      y: vector n
      alpha: scalar
      b: scalar
      """, Limits.DEFAULT);
  private static final Set<String> NAMES = Set.of("A", "B", "x", "y", "alpha", "b");

  /** A sum whose terms the two printers would put in different orders: "alpha" vs "\alpha", "x'" vs "x^{\top}". */
  private static final String SUM = "b*x'*A*y + alpha*x'*y + x'*B'*y + tr(A)*b + tr(B) + x'*x + alpha^2 + y'*A'*x + 3";

  private static Expr parse(String text) {
    return Parser.parse(text, Limits.DEFAULT, NAMES).expr();
  }

  private static Expr normalForm(Expr e) {
    return Simplifier.normalForm(e, Shapes.of(ShapeChecker.check(e, DECLARED)));
  }

  private static List<Expr> terms(Expr e) {
    return e instanceof Expr.Sum s ? s.terms() : List.of(e);
  }

  @Test
  void normalForm_ordersTermsByStructureWhereThePrintersWouldDisagree() {
    List<Expr> terms = terms(normalForm(parse(SUM)));

    List<Expr> byText = new ArrayList<>(terms);
    byText.sort(Comparator.comparing(TextPrinter::print));
    List<Expr> byTex = new ArrayList<>(terms);
    byTex.sort(Comparator.comparing(LatexPrinter::print));
    List<Expr> structural = new ArrayList<>(terms);
    structural.sort(ExprOrder.INSTANCE);

    assertThat(byText).as("an order by printed text would change with the printer").isNotEqualTo(byTex);
    assertThat(terms).as("the normal form's own order is the structural one").isEqualTo(structural);
  }

  @Test
  void normalForm_isTheSameForEveryOrderOfTheTerms() {
    List<Expr> terms = new ArrayList<>(((Expr.Sum) parse(SUM)).terms());
    Expr expected = normalForm(parse(SUM));
    Random random = new Random(12);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(terms, random);
      assertThat(normalForm(new Expr.Sum(List.copyOf(terms)))).isEqualTo(expected);
    }
  }

  @Test
  void order_isTotalAntisymmetricAndZeroOnlyForEqualTrees() {
    List<Expr> all = new ArrayList<>(terms(normalForm(parse(SUM))));
    all.addAll(List.of(parse("x"), parse("y"), parse("A*x"), parse("A'*x"), parse("x .* y"), parse("2*x"),
        parse("tr(A*B)"), parse("tr(B*A)"), parse("inv(A)"), parse("A^2")));
    for (Expr a : all) {
      for (Expr b : all) {
        int ab = ExprOrder.INSTANCE.compare(a, b);
        assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(ExprOrder.INSTANCE.compare(b, a)));
        assertThat(ab == 0).as("%s vs %s", TextPrinter.print(a), TextPrinter.print(b)).isEqualTo(a.equals(b));
      }
    }
  }
}
