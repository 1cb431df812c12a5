package org.matrixcalculustutor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.grading.Equivalence;
import org.matrixcalculustutor.grading.Grade;
import org.matrixcalculustutor.grading.Grader;
import org.matrixcalculustutor.grading.Verdict;

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
      x'*A*x/(2*x'*x)                                              | x | x: vector n;A: matrix n x n         | (A + A')*x/(2*x'*x) - (x'*A*x)*x/(x'*x)^2
      x'*A*x/(x'*x)                                                | x | x: vector n;A: matrix n x n         | (A + A')*x/(x'*x) - 2*(x'*A*x)*x/(x'*x)^2
      log(x'*A*x)                                                  | x | x: vector n;A: matrix n x n         | (A + A')*x/(x'*A*x)
      log(1 + exp(a'*x))                                           | x | a: vector n;x: vector n             | sigmoid(a'*x)*a
      x'*diag(a)*x                                                 | x | x: vector n;a: vector n             | 2*(a .* x)
      norm(x)^2 + norm(x - y)^2                                    | x | x: vector n;y: vector n             | 4*x - 2*y
      x'*A*x + b'*x                                                | x | x: vector n;A: matrix n x n;b: vector n | (A + A')*x + b
      """)
  void derivative_isWrittenAsATeacherWould(String f, String x, String declarations, String expected) {
    Derivative d = engine.derive(f, x, declarations.replace(";", "\n"), Layout.DENOMINATOR);
    assertThat(d.text()).isEqualTo(expected);
    assertThat(d.maxRelativeError()).isLessThan(1e-5);
  }

  /**
   * A divisor the declarations make a scalar (x'*x, c'*X*d), which no printer can tell from a matrix
   * by its look, is written as a division: after the rest of its product in the text, below a
   * fraction's line in TeX, with a coefficient 1/2 joining the line.
   */
  @ParameterizedTest(name = "{0} by {1}")
  @CsvSource(delimiter = '|', textBlock = """
      log(x'*A*x)         | x | x: vector n;A: matrix n x n | (A + A')*x/(x'*A*x) | \\frac{\\left(A + A^{\\top}\\right) x}{x^{\\top} A x}
      x'*A*x/(2*x'*x)     | x | x: vector n;A: matrix n x n | (A + A')*x/(2*x'*x) - (x'*A*x)*x/(x'*x)^2 | \\frac{\\left(A + A^{\\top}\\right) x}{2 x^{\\top} x} - \\frac{\\left(x^{\\top} A x\\right) x}{\\left(x^{\\top} x\\right)^{2}}
      (a'*X*b)^2/(c'*X*d) | X | X: matrix m x n;a: vector m;b: vector n;c: vector m;d: vector n | 2*(a'*X*b)*a*b'/(c'*X*d) - (a'*X*b)^2*c*d'/(c'*X*d)^2 | \\frac{2 \\left(a^{\\top} X b\\right) a b^{\\top}}{c^{\\top} X d} - \\frac{\\left(a^{\\top} X b\\right)^{2} c d^{\\top}}{\\left(c^{\\top} X d\\right)^{2}}
      """)
  void scalarDivisor_isWrittenAsADivision(String f, String x, String declarations, String text, String latex) {
    Derivative d = engine.derive(f, x, declarations.replace(";", "\n"), Layout.DENOMINATOR);
    assertThat(d.text()).isEqualTo(text);
    assertThat(d.latex()).isEqualTo(latex);
    assertThat(d.maxRelativeError()).isLessThan(1e-5);
    Grade own = new Grader(engine).grade(d, d.text(), 1);
    assertThat(own.verdict()).as("the text reads back as the same derivative").isEqualTo(Verdict.CORRECT);
    assertThat(own.equivalence()).isEqualTo(Equivalence.SYMBOLIC);
  }

  /**
   * Hessians as the lecture writes them. A Hessian is (B + B')/2: its halves meet as like terms
   * written apart (a sum factor in the other order or negated; a commutation matrix on either side of
   * a Kronecker product, K(X^-T ⊗ X^-1) = (X^-1 ⊗ X^-T)K), and the half's 2 cancels. Softmax
   * regression's is X'(diag(s) - s s')X with s = softmax(Xw); logistic loss's is written with sigmoid, and
   * the logistic function's second derivative as σ(1 - σ)(1 - 2σ); cross-entropy's is softmax
   * regression's times sum(y), which is 1 for a one-hot y.
   */
  @ParameterizedTest(name = "{0} by {1}")
  @CsvSource(delimiter = '|', textBlock = """
      log(x'*A*x)                   | x | x: vector n;A: matrix n x n            | (A + A')/(x'*A*x) - (A + A')*x*x'*(A + A')/(x'*A*x)^2
      log(det(X))                   | X | X: matrix n x n invertible             | -kron(inv(X), inv(X)')*commutation(n, n)
      -y'*X*w + log(ones'*exp(X*w)) | w | X: matrix m x n;y: vector m;w: vector n | X'*(diag(softmax(X*w)) - softmax(X*w)*softmax(X*w)')*X
      log(1 + exp(a'*x))            | x | a: vector n;x: vector n                | sigmoid(a'*x)*(1 - sigmoid(a'*x))*a*a'
      sum(sigmoid(X*w))             | w | X: matrix m x n;w: vector n            | X'*diag(sigmoid(X*w) .* (ones - sigmoid(X*w)) .* (ones - 2*sigmoid(X*w)))*X
      -y'*log(softmax(X*w))         | w | X: matrix m x n;y: vector m;w: vector n | sum(y)*X'*(diag(softmax(X*w)) - softmax(X*w)*softmax(X*w)')*X
      norm(X)                       | X | X: matrix m x n                        | I(m*n)/norm(X) - vec(X)*vec(X)'/norm(X)^3
      tr(inv(X))                    | X | X: matrix n x n invertible             | (kron(inv(X), inv(X^2)') + kron(inv(X^2), inv(X)'))*commutation(n, n)
      """)
  void hessian_isWrittenAsATeacherWould(String f, String x, String declarations, String expected) {
    Derivative d = engine.derive(f, x, declarations.replace(";", "\n"), Layout.DENOMINATOR, 2);
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
