package org.matrixcalculustutor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.calculus.Layout;

/**
 * Answers as a teacher writes them: like factors folded into powers, like terms merged, entry-wise
 * products multiplied out where terms cancel, common numbers cancelled, each one checked against
 * finite differences by the engine itself (maxRelativeError).
 */
class TeacherFormsTest {

  private final Engine engine = new Engine(Limits.DEFAULT);

  @ParameterizedTest(name = "{0} by {1}")
  @CsvSource(delimiter = '|', textBlock = """
      tr(X^-2)                                                     | X | X: matrix n x n invertible          | -2*inv(X^3)'
      tr(inv(X)*inv(X))                                            | X | X: matrix n x n invertible          | -2*inv(X^3)'
      -y'*log(sigmoid(X*w)) - (ones - y)'*log(ones - sigmoid(X*w)) | w | X: matrix m x n;w: vector n;y: vector m | X'*(sigmoid(X*w) - y)
      tr((X'*A')^3)                                                | X | X: matrix n x n;A: matrix n x n     | 3*A'*(X'*A')^2
      tr((A*X)^3)                                                  | X | X: matrix n x n;A: matrix n x n     | 3*A'*(X'*A')^2
      sum(tanh(x'*W'))                                             | x | W: matrix m x n;x: vector n         | W'*(ones - tanh(W*x) .^ 2)
      x'*A*x/(2*x'*x)                                              | x | x: vector n;A: matrix n x n         | 0.5*A*x*(x'*x)^-1 + 0.5*A'*x*(x'*x)^-1 - ((x'*x)^-2*x'*A*x)*x
      """)
  void derivative_isWrittenAsATeacherWould(String f, String x, String declarations, String expected) {
    Derivative d = engine.derive(f, x, declarations.replace(";", "\n"), Layout.DENOMINATOR);
    assertThat(d.text()).isEqualTo(expected);
    assertThat(d.maxRelativeError()).isLessThan(1e-5);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      x'*x/5      | \\frac{2}{5} x
      norm(x)^2/3 | \\frac{2}{3} x
      """)
  void rationalCoefficient_isTypesetAsAFraction(String f, String latex) {
    Derivative d = engine.derive(f, "x", "x: vector n", Layout.DENOMINATOR);
    assertThat(d.latex()).isEqualTo(latex);
    assertThat(d.maxRelativeError()).isLessThan(1e-5);
  }
}
