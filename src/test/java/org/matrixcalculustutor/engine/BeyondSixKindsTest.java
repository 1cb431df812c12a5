package org.matrixcalculustutor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.LanguageCases;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.calculus.DerivativeKind;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.calculus.Step;
import org.matrixcalculustutor.numeric.FiniteDifferences;
import org.matrixcalculustutor.numeric.NumericEquality;

/**
 * The section "Beyond the six kinds" of LANGUAGE.md: each example is derived by the engine (vec
 * Jacobians by the first identification theorem, Hessians by the second), agrees with the listed
 * answer at random points with distinct sizes, and both pass central finite differences (second
 * differences for Hessians). Magnus and Neudecker, Matrix Differential Calculus, chapters 9 and 10.
 */
class BeyondSixKindsTest {

  static final double CHECK_TOLERANCE = 1e-5;

  private final Engine engine = new Engine(Limits.DEFAULT);

  static Stream<Arguments> examples() {
    return LanguageCases.read("/language/beyond.cases", "|", 5).stream()
        .map(c -> Arguments.of(c[0], c[1], c[2].replace(";", "\n"), Integer.parseInt(c[3]), c[4]));
  }

  @ParameterizedTest(name = "{0} d/d{1} order {3}")
  @MethodSource("examples")
  void example_isDerivedByTheEngineAndPassesFiniteDifferences(String f, String x, String declarations, int order,
      String listed) {
    Derivative derived = engine.derive(f, x, declarations, Layout.NUMERATOR, order);
    assertThat(derived.kind()).isEqualTo(order == 2 ? DerivativeKind.HESSIAN : derived.kind());
    assertThat(derived.maxRelativeError()).as("finite differences of %s", derived.text()).isLessThan(CHECK_TOLERANCE);

    var declared = derived.function().typing().declarations();
    var answer = engine.analyze(listed, declared).expr();
    assertThat(NumericEquality.maxRelativeDifference(derived.result(), answer, declared, 7L, 3))
        .as("engine %s vs listed %s", derived.text(), listed).isLessThan(NumericEquality.TOLERANCE);
    assertThat(FiniteDifferences.maxRelativeError(derived.function().expr(), x, answer, derived.kind(),
        Layout.NUMERATOR, declared, 3L)).as("finite differences of the listed %s", listed).isLessThan(CHECK_TOLERANCE);
  }

  @ParameterizedTest(name = "{0} d/d{1}")
  @MethodSource("examples")
  void vecJacobian_inDenominatorLayoutIsTheTranspose(String f, String x, String declarations, int order,
      String listed) {
    if (order != 1) {
      return;
    }
    Derivative numerator = engine.derive(f, x, declarations, Layout.NUMERATOR);
    Derivative denominator = engine.derive(f, x, declarations, Layout.DENOMINATOR);
    assertThat(denominator.maxRelativeError()).isLessThan(CHECK_TOLERANCE);
    assertThat(denominator.shape()).isEqualTo(numerator.shape().transposed());
    var declared = numerator.function().typing().declarations();
    assertThat(NumericEquality.maxRelativeDifference(denominator.result(),
        org.matrixcalculustutor.algebra.Exprs.transpose(numerator.result()), declared, 5L, 2))
        .isLessThan(NumericEquality.TOLERANCE);
  }

  @Nested
  class TheMethod {

    @Test
    void vecJacobian_ofXtX_namesTheKroneckerTheCommutationAndTheChainRule() {
      Derivative d = engine.derive("X'*X", "X", "X: matrix m x n", Layout.NUMERATOR);
      assertThat(d.kind()).isEqualTo(DerivativeKind.MATRIX_BY_MATRIX);
      assertThat(d.form()).isEqualTo("vec");
      assertThat(d.shape().toString()).isEqualTo("n*n x m*n");
      assertThat(d.text()).isEqualTo("kron(X', I(n))*commutation(m, n) + kron(I(n), X')");
      assertThat(d.steps()).extracting(Step::rule).contains("vec(AXB) = (B' ⊗ A) vec(X)",
          "vec(dX') = K vec(dX) (the commutation matrix)",
          "chain rule: the Jacobian of a composition is the product of the Jacobians")
          .anyMatch(rule -> rule.startsWith("read off the vec Jacobian"));
      assertThat(d.indexing()).contains("vec(X)").contains("i + m*j");
    }

    @Test
    void vecJacobian_ofAnEntryWiseFunctionIsADiagonalMatrix() {
      Derivative d = engine.derive("exp(X)", "X", "X: matrix m x n", Layout.NUMERATOR);
      assertThat(d.text()).isEqualTo("diag(vec(exp(X)))");
      assertThat(d.steps()).extracting(Step::rule).contains("vec(A ⊙ dX) = diag(vec(A)) vec(dX)");
    }

    @Test
    void vectorByVector_staysTheOrdinaryJacobian() {
      Derivative d = engine.derive("A*x", "x", "A: matrix m x n\nx: vector n", Layout.NUMERATOR);
      assertThat(d.kind()).isEqualTo(DerivativeKind.VECTOR_BY_VECTOR);
      assertThat(d.form()).isNull();
      assertThat(d.text()).isEqualTo("A");
    }

    @Test
    void layerWeights_vectorByMatrix() {
      Derivative d = engine.derive("sigmoid(W*x + b)", "W", "W: matrix m x n\nx: vector n\nb: vector m",
          Layout.NUMERATOR);
      assertThat(d.kind()).isEqualTo(DerivativeKind.VECTOR_BY_MATRIX);
      assertThat(d.shape().toString()).isEqualTo("m x m*n");
      assertThat(d.maxRelativeError()).isLessThan(CHECK_TOLERANCE);
      assertThat(d.text()).isEqualTo("diag(sigmoid(W*x + b) .* (ones - sigmoid(W*x + b)))*kron(x', I(m))");
    }

    @ParameterizedTest(name = "{0} d/d{1}")
    @CsvSource(delimiter = '|', value = {
        "diag(x)                      | x | x: vector n",
        "diag(A*X)                    | X | A: matrix n x m;X: matrix m x n",
        "[tr(X), det(X); 1, sum(X)]   | X | X: matrix n x n invertible",
        "X*diag(x)*X'                 | x | X: matrix m x n;x: vector n",
        "inv(X) ./ exp(X)             | X | X: matrix n x n invertible",
        "tr(X)*X + X'*A*X             | X | X: matrix n x n;A: matrix n x n",
        "vec(X*A)                     | X | X: matrix m x n;A: matrix n x p",
        "(x'*x)*x*x'                  | x | x: vector n"})
    void everyReadingRule_passesFiniteDifferencesInBothLayouts(String f, String x, String declarations) {
      for (Layout layout : Layout.values()) {
        Derivative d = engine.derive(f, x, declarations.replace(";", "\n"), layout);
        assertThat(d.form()).as(f).isEqualTo(d.kind() == DerivativeKind.VECTOR_BY_VECTOR ? null : "vec");
        assertThat(d.maxRelativeError()).as("%s = %s (%s)", f, d.text(), layout).isLessThan(CHECK_TOLERANCE);
      }
    }

    @Test
    void hessian_showsTheSecondDifferentialTheQuadraticFormAndTheSymmetrisation() {
      Derivative d = engine.derive("x'*A*x", "x", "A: matrix n x n\nx: vector n", Layout.DENOMINATOR, 2);
      assertThat(d.kind()).isEqualTo(DerivativeKind.HESSIAN);
      assertThat(d.shape().toString()).isEqualTo("n x n");
      assertThat(d.steps()).extracting(Step::rule)
          .contains("second differential: d²f = d(df) with dx held fixed", "the quadratic form: d²f = dx' B dx",
              "second identification theorem: H = (B + B')/2, the symmetric part of B");
      assertThat(d.steps().get(d.steps().size() - 1).latex()).startsWith("H = \\tfrac{1}{2}");
    }

    @Test
    void hessianByAMatrix_isInVecFormWithItsSizeFromTheDeclarations() {
      Derivative d = engine.derive("tr(X'*A*X)", "X", "X: matrix 3 x 4\nA: matrix 3 x 3", Layout.DENOMINATOR, 2);
      assertThat(d.shape().toString()).isEqualTo("12 x 12");
      assertThat(d.form()).isEqualTo("vec");
      assertThat(d.indexing()).contains("vec(X)");
    }

    @Test
    void hessian_agreesWithTheJacobianOfTheGradient() {
      String f = "sum(log(ones + exp(X*w))) - y'*X*w";
      String declarations = "X: matrix m x n\nw: vector n\ny: vector m";
      Derivative hessian = engine.derive(f, "w", declarations, Layout.DENOMINATOR, 2);
      Derivative gradient = engine.derive(f, "w", declarations, Layout.DENOMINATOR);
      Derivative jacobian = engine.derive(gradient.text(), "w", declarations, Layout.NUMERATOR);
      assertThat(hessian.text()).isEqualTo("X'*diag(sigmoid(X*w) .* (ones - sigmoid(X*w)))*X");
      assertThat(NumericEquality.maxRelativeDifference(hessian.result(), jacobian.result(),
          hessian.function().typing().declarations(), 9L, 3)).isLessThan(NumericEquality.TOLERANCE);
    }

    @Test
    void hessianOfAVectorFunction_isRefusedAsATensor() {
      assertThatThrownBy(() -> engine.derive("A*x", "x", "A: matrix m x n\nx: vector n", Layout.DENOMINATOR, 2))
          .isInstanceOf(ExpressionException.class).hasMessageContaining("tensor of order three");
    }

    @Test
    void orderOtherThanOneOrTwo_isRefused() {
      assertThatThrownBy(() -> engine.derive("x'*x", "x", "", Layout.DENOMINATOR, 3))
          .isInstanceOf(ExpressionException.class).hasMessageContaining("order is 1");
    }
  }

  /** The smaller gaps: symbolic exponents, functions that do not depend on the variable, diag of dx. */
  @Nested
  class SmallerGaps {

    @ParameterizedTest(name = "{0} d/d{1}")
    @CsvSource(delimiter = '|', value = {
        "det(X)^j         | X | X: matrix n x n invertible;j: scalar | j*det(X)^j*inv(X)'",
        "(x'*x)^c         | x | x: vector n;c: scalar                | 2*c*(x'*x)^(c - 1)*x",
        "(x'*x)^c         | c | x: vector n;c: scalar                | (x'*x)^c*log(x'*x)",
        "2^(a'*x)         | x | a: vector n;x: vector n              | log(2)*2^(a'*x)*a",
        "det(X)^j         | j | X: matrix n x n spd;j: scalar        | det(X)^j*log(det(X))",
        "inv(A + diag(x))*b | x | A: matrix n x n;x: vector n;b: vector n | -diag(inv(A + diag(x))*b)*inv(A + diag(x))'"})
    void derivative_isRightAndPassesFiniteDifferences(String f, String x, String declarations, String listed) {
      Derivative derived = engine.derive(f, x, declarations.replace(";", "\n"), Layout.DENOMINATOR);
      assertThat(derived.maxRelativeError()).as(derived.text()).isLessThan(CHECK_TOLERANCE);
      var declared = derived.function().typing().declarations();
      assertThat(NumericEquality.maxRelativeDifference(derived.result(), engine.analyze(listed, declared).expr(),
          declared, 3L, 3)).as("engine %s vs %s", derived.text(), listed).isLessThan(NumericEquality.TOLERANCE);
    }

    @Test
    void functionThatDoesNotDependOnADeclaredVariable_hasZerosOfTheRightShapeWithANote() {
      Derivative d = engine.derive("tr(A)", "X", "A: matrix n x n\nX: matrix m x k", Layout.DENOMINATOR);
      assertThat(d.text()).isEqualTo("zeros(m, k)");
      assertThat(d.note()).contains("does not change with X");
      Derivative jacobian = engine.derive("A*y", "X", "A: matrix n x n\ny: vector n\nX: matrix m x k",
          Layout.NUMERATOR);
      assertThat(jacobian.text()).isEqualTo("zeros(n, k*m)");
      Derivative hessian = engine.derive("a'*x", "x", "a: vector n\nx: vector n", Layout.DENOMINATOR, 2);
      assertThat(hessian.text()).isEqualTo("zeros(n, n)");
      assertThat(hessian.note()).contains("at most linear");
    }

    @Test
    void undeclaredVariableNotInTheFunction_isStillAnErrorSayingToDeclareIt() {
      assertThatThrownBy(() -> engine.derive("x'*A*x", "z", "", Layout.DENOMINATOR))
          .isInstanceOf(ExpressionException.class).hasMessageContaining("x, A").hasMessageContaining("declare it");
    }

    @Test
    void symbolicExponentOfAMatrix_isAShapeErrorNamingIt() {
      assertThatThrownBy(() -> engine.analyze("X^j", "X: matrix n x n\nj: scalar"))
          .isInstanceOf(ExpressionException.class).hasMessageContaining("whole-number exponent");
    }
  }
}
