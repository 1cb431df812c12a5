package org.matrixcalculustutor.calculus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.Exprs;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Parser;
import org.matrixcalculustutor.algebra.ShapeChecker;
import org.matrixcalculustutor.algebra.Shapes;
import org.matrixcalculustutor.algebra.Simplifier;
import org.matrixcalculustutor.algebra.TextPrinter;
import org.matrixcalculustutor.algebra.Typing;

/**
 * Reading a gradient off df: the terms come out as the simplifier leaves them (no factor 1, no
 * identity of a trace beside other factors, transposes of products already reversed), so the
 * simplifier has nothing left to undo in them.
 */
class TraceTrickTest {

  private static final String DECLARATIONS = """
      X: matrix m x n
      S: matrix n x n invertible
      A: matrix q x m
      B: matrix n x q
      C: matrix m x m
      D: matrix n x n symmetric
      b: vector n
      c: vector n
      x: vector n
      """;

  private static List<String> terms(String f, String variable) {
    Declarations declarations = Declarations.parse(DECLARATIONS, Limits.DEFAULT);
    Expr parsed = Parser.parse(f, Limits.DEFAULT, declarations.names()).expr();
    Typing typing = ShapeChecker.check(parsed, declarations);
    Shapes shapes = new Shapes(typing.declarations());
    Expr.Symbol x = new Expr.Symbol(variable);
    Expr df = Simplifier.simplify(Differential.of(typing.root(), x, shapes, null).differential(), shapes);
    List<Expr> terms = new TraceTrick(new Expr.Differential(x), shapes).gradientTerms(Exprs.ONE, df);
    for (Expr term : terms) {
      assertThat(TextPrinter.print(Simplifier.simplify(term, shapes)))
          .as("the simplifier leaves %s as it is", TextPrinter.print(term)).isEqualTo(TextPrinter.print(term));
    }
    return terms.stream().map(TextPrinter::print).toList();
  }

  @ParameterizedTest(name = "{0} d/d{1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      det(S)          | S | det(S)*inv(S)'
      logdet(S)       | S | inv(S)'
      tr(A*X*B)       | X | A'*B'
      tr(X'*C*X)      | X | C*X; C'*X
      tr(X*D*X')      | X | X*D; X*D
      b'*X'*X*c       | X | X*c*b'; X*b*c'
      x'*D*x          | x | D*x; D*x
      """)
  void gradientTerms_areAlreadyInSimplifiedForm(String f, String variable, String expected) {
    assertThat(terms(f, variable)).containsExactly(expected.split("; "));
  }
}
