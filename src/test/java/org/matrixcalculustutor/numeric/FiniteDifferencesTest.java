package org.matrixcalculustutor.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Parser;
import org.matrixcalculustutor.calculus.DerivativeKind;
import org.matrixcalculustutor.calculus.Layout;

/**
 * Central differences accept a right derivative of each of the six kinds in both layouts and
 * reject a wrong one, including a transposed gradient on a non-square variable.
 */
class FiniteDifferencesTest {

  /** A right derivative agrees to about the square of the step; this leaves room for rounding. */
  static final double RIGHT = 1e-6;
  /** A wrong derivative differs by a sizeable part of its own size. */
  static final double WRONG = 1e-3;
  static final long SEED = 17L;

  private static double error(String f, String x, String derivative, DerivativeKind kind, Layout layout,
      String declarations) {
    Declarations d = Declarations.parse(declarations, Limits.DEFAULT);
    return FiniteDifferences.maxRelativeError(parse(f, d), x, parse(derivative, d), kind, layout, d, SEED);
  }

  private static Expr parse(String text, Declarations d) {
    Set<String> names = d.all().stream().map(Declaration::name).collect(Collectors.toSet());
    return Parser.parse(text, Limits.DEFAULT, names).expr();
  }

  @Nested
  class RightDerivatives {

    @ParameterizedTest(name = "{0} d/d{1} = {2} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
        t^3 + sin(t)        | t | 3*t^2 + cos(t)      | SCALAR_BY_SCALAR  | DENOMINATOR | t: scalar
        [cos(t); sin(t)]    | t | [-sin(t); cos(t)]   | VECTOR_BY_SCALAR  | NUMERATOR   | t: scalar
        [cos(t); sin(t)]    | t | [-sin(t), cos(t)]   | VECTOR_BY_SCALAR  | DENOMINATOR | t: scalar
        t*A + t^2*B         | t | A + 2*t*B           | MATRIX_BY_SCALAR  | DENOMINATOR | t: scalar; A, B: matrix m x n
        t*A + t^2*B         | t | A + 2*t*B           | MATRIX_BY_SCALAR  | NUMERATOR   | t: scalar; A, B: matrix m x n
        x'*A*x              | x | (A + A')*x          | SCALAR_BY_VECTOR  | DENOMINATOR | x: vector n; A: matrix n x n
        x'*A*x              | x | x'*(A + A')         | SCALAR_BY_VECTOR  | NUMERATOR   | x: vector n; A: matrix n x n
        sum(log(x))         | x | ones ./ x           | SCALAR_BY_VECTOR  | DENOMINATOR | x: vector n positive
        A*x                 | x | A'                  | VECTOR_BY_VECTOR  | DENOMINATOR | x: vector n; A: matrix m x n
        A*x                 | x | A                   | VECTOR_BY_VECTOR  | NUMERATOR   | x: vector n; A: matrix m x n
        tr(A*X*B)           | X | A'*B'               | SCALAR_BY_MATRIX  | DENOMINATOR | A: matrix p x m; X: matrix m x n; B: matrix n x p
        tr(A*X*B)           | X | B*A                 | SCALAR_BY_MATRIX  | NUMERATOR   | A: matrix p x m; X: matrix m x n; B: matrix n x p
        u'*X*v              | X | u*v'                | SCALAR_BY_MATRIX  | DENOMINATOR | u: vector m; X: matrix m x n; v: vector n
        logdet(X)           | X | inv(X)'             | SCALAR_BY_MATRIX  | DENOMINATOR | X: matrix n x n
        norm(Y - X*W)^2     | W | -2*X'*(Y - X*W)     | SCALAR_BY_MATRIX  | DENOMINATOR | Y: matrix m x k; X: matrix m x n; W: matrix n x k
        """)
    void check_givesATinyErrorForARightDerivative(String f, String x, String derivative, DerivativeKind kind,
        Layout layout, String declarations) {
      assertThat(error(f, x, derivative, kind, layout, declarations.replace(";", "\n"))).isLessThan(RIGHT);
    }

    @Test
    void check_redrawsSizesUntilThePointIsValid() {
      // X'*X is singular when X has fewer rows than columns: only points with r >= q count
      double e = error("logdet(X'*X)", "X", "2*X*inv(X'*X)", DerivativeKind.SCALAR_BY_MATRIX, Layout.DENOMINATOR,
          "X: matrix r x q");
      assertThat(e).isLessThan(RIGHT);
    }

    @Test
    void check_onASymmetricVariableUsesSymmetricDirections() {
      // d tr(S'A) = <A, dS>; for symmetric dS that is also <A', dS>: both gradients are right
      String declarations = "S: matrix n x n symmetric\nA: matrix n x n";
      assertThat(error("tr(S'*A)", "S", "A", DerivativeKind.SCALAR_BY_MATRIX, Layout.DENOMINATOR, declarations))
          .isLessThan(RIGHT);
      assertThat(error("tr(S'*A)", "S", "A'", DerivativeKind.SCALAR_BY_MATRIX, Layout.DENOMINATOR, declarations))
          .isLessThan(RIGHT);
      assertThat(error("tr(S'*A)", "S", "2*A", DerivativeKind.SCALAR_BY_MATRIX, Layout.DENOMINATOR, declarations))
          .isGreaterThan(WRONG);
    }

    @Test
    void check_isReproducibleFromItsSeed() {
      String declarations = "A: matrix p x m\nX: matrix m x n\nB: matrix n x p";
      double first = error("tr(A*X*B)", "X", "A'*B'", DerivativeKind.SCALAR_BY_MATRIX, Layout.DENOMINATOR,
          declarations);
      double second = error("tr(A*X*B)", "X", "A'*B'", DerivativeKind.SCALAR_BY_MATRIX, Layout.DENOMINATOR,
          declarations);
      assertThat(second).isEqualTo(first);
    }
  }

  @Nested
  class WrongDerivatives {

    static final String TR_AXB = "A: matrix p x m\nX: matrix m x n\nB: matrix n x p";

    @Test
    void transposedGradient_onANonSquareVariableIsRejected() {
      assertThat(error("tr(A*X*B)", "X", "B*A", DerivativeKind.SCALAR_BY_MATRIX, Layout.DENOMINATOR, TR_AXB))
          .isGreaterThan(WRONG);
      assertThat(error("tr(A*X*B)", "X", "A'*B'", DerivativeKind.SCALAR_BY_MATRIX, Layout.NUMERATOR, TR_AXB))
          .isGreaterThan(WRONG);
    }

    @Test
    void transposedGradient_onASquareVariableIsRejected() {
      assertThat(error("tr(A*X)", "X", "A", DerivativeKind.SCALAR_BY_MATRIX, Layout.DENOMINATOR,
          "A: matrix n x n\nX: matrix n x n")).isGreaterThan(WRONG);
    }

    @Test
    void jacobian_inTheOtherLayoutIsRejected() {
      assertThat(error("A*x", "x", "A", DerivativeKind.VECTOR_BY_VECTOR, Layout.DENOMINATOR,
          "x: vector n\nA: matrix m x n")).isGreaterThan(WRONG);
    }

    @Test
    void gradientThatAssumesSymmetry_isRejected() {
      assertThat(error("x'*A*x", "x", "2*A*x", DerivativeKind.SCALAR_BY_VECTOR, Layout.DENOMINATOR,
          "x: vector n\nA: matrix n x n")).isGreaterThan(WRONG);
    }

    @Test
    void gradientOffByOnePercent_isRejected() {
      assertThat(error("tr(A*X*B)", "X", "1.01*A'*B'", DerivativeKind.SCALAR_BY_MATRIX, Layout.DENOMINATOR, TR_AXB))
          .isGreaterThan(WRONG);
    }

    @Test
    void tangentWithTheWrongSign_isRejected() {
      assertThat(error("[cos(t); sin(t)]", "t", "[sin(t); cos(t)]", DerivativeKind.VECTOR_BY_SCALAR,
          Layout.NUMERATOR, "t: scalar")).isGreaterThan(WRONG);
    }
  }

  /** Beyond the six kinds: vec Jacobians by first differences, Hessians by mixed second differences. */
  @Nested
  class VecJacobiansAndHessians {

    static final String AXB = "A: matrix p x m\nX: matrix m x n\nB: matrix n x q";

    @ParameterizedTest(name = "{0} d/d{1} = {2} ({3}, {4})")
    @CsvSource(delimiter = '|', textBlock = """
        A*X*B            | X | kron(B', A)                      | MATRIX_BY_MATRIX | NUMERATOR   | A: matrix p x m; X: matrix m x n; B: matrix n x q
        A*X*B            | X | kron(B, A')                      | MATRIX_BY_MATRIX | DENOMINATOR | A: matrix p x m; X: matrix m x n; B: matrix n x q
        X'               | X | commutation(m, n)                | MATRIX_BY_MATRIX | NUMERATOR   | X: matrix m x n
        X*a              | X | kron(a', I(m))                   | VECTOR_BY_MATRIX | NUMERATOR   | X: matrix m x n; a: vector n
        x*x'             | x | kron(x, I(n)) + kron(I(n), x)    | MATRIX_BY_VECTOR | NUMERATOR   | x: vector n
        x'*A*x           | x | A + A'                           | HESSIAN          | DENOMINATOR | x: vector n; A: matrix n x n
        tr(X'*A*X)       | X | kron(I(n), A + A')               | HESSIAN          | DENOMINATOR | X: matrix m x n; A: matrix m x m
        t^3              | t | 6*t                              | HESSIAN          | DENOMINATOR | t: scalar
        logsumexp(x)     | x | diag(softmax(x)) - softmax(x)*softmax(x)' | HESSIAN | DENOMINATOR | x: vector n
        """)
    void check_givesATinyErrorForARightDerivative(String f, String x, String derivative, DerivativeKind kind,
        Layout layout, String declarations) {
      assertThat(error(f, x, derivative, kind, layout, declarations.replace(";", "\n"))).isLessThan(RIGHT);
    }

    @Test
    void vecJacobian_withItsKroneckerFactorsSwapped_isRejected() {
      // the same size, p*q x m*n, whichever factor comes first
      assertThat(error("A*X*B", "X", "kron(A, B')", DerivativeKind.MATRIX_BY_MATRIX, Layout.NUMERATOR, AXB))
          .isGreaterThan(WRONG);
    }

    @Test
    void vecJacobian_inTheOtherLayoutIsRejected() {
      assertThat(error("inv(X)", "X", "-kron(inv(X)', inv(X))", DerivativeKind.MATRIX_BY_MATRIX, Layout.DENOMINATOR,
          "X: matrix n x n invertible")).isGreaterThan(WRONG);
    }

    @Test
    void hessianNotSymmetrised_isRejectedThoughItsQuadraticFormIsRight() {
      // dx'(2A)dx = dx'(A + A')dx for every dx: only two independent directions tell them apart
      assertThat(error("x'*A*x", "x", "2*A", DerivativeKind.HESSIAN, Layout.DENOMINATOR,
          "x: vector n\nA: matrix n x n")).isGreaterThan(WRONG);
    }

    @Test
    void hessianOffByOnePercent_isRejected() {
      assertThat(error("norm(A*x - b)^2", "x", "2.02*A'*A", DerivativeKind.HESSIAN, Layout.DENOMINATOR,
          "A: matrix m x n\nx: vector n\nb: vector m")).isGreaterThan(WRONG);
    }
  }

  @Nested
  class Failures {

    @Test
    void check_withNoValidPointIsAnExpressionException() {
      // x*x' has rank one, so logdet(x*x') has no value at any point with n >= 2
      assertThatThrownBy(() -> error("logdet(x*x')", "x", "2*inv(x*x')*x", DerivativeKind.SCALAR_BY_VECTOR,
          Layout.DENOMINATOR, "x: vector n"))
          .isExactlyInstanceOf(ExpressionException.class)
          .hasMessageContaining("could not find a valid point");
    }

    @Test
    void check_ofAnUndeclaredVariableIsAnExpressionException() {
      assertThatThrownBy(() -> error("t^2", "s", "2*t", DerivativeKind.SCALAR_BY_SCALAR, Layout.DENOMINATOR,
          "t: scalar"))
          .isExactlyInstanceOf(ExpressionException.class).hasMessageContaining("s has no declaration");
    }
  }
}
