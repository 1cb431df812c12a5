package org.matrixcalculustutor.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.numeric.NumericEquality;
import org.junit.jupiter.api.Assertions;

/**
 * The engine derives each verified identity by itself; its answer must agree with the listed
 * gradient at random points with distinct sizes, and with central finite differences.
 */
class IdentitiesTest {

  /** Largest relative error of a finite-difference check that counts as agreement. */
  static final double CHECK_TOLERANCE = 1e-5;
  static final int POINTS = 3;

  private final Engine engine = new Engine(Limits.DEFAULT);

  static Stream<IdentityCase> identities() {
    return IdentityCase.all().stream();
  }

  static Stream<Arguments> languageExamples() {
    return LanguageCases.read("/language/gradients.cases", "|", 4).stream()
        .map(c -> Arguments.of(c[0], c[1], c[2].replace(";", "\n"), c[3]));
  }

  private void assertDerivesAnEquivalentGradient(String f, String x, String declarations, Layout layout,
      String expected) {
    Derivative derived = engine.derive(f, x, declarations, layout);
    assertThat(derived.maxRelativeError()).as("finite-difference check of %s", derived.text())
        .isLessThan(CHECK_TOLERANCE);
    var typing = derived.function().typing();
    var listed = engine.analyze(expected, typing.declarations());
    double difference = NumericEquality.maxRelativeDifference(derived.result(), listed.expr(),
        typing.declarations(), 7L, POINTS);
    assertThat(difference).as("engine %s vs listed %s", derived.text(), expected)
        .isLessThan(NumericEquality.TOLERANCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identities")
  void derive_agreesWithEachVerifiedIdentity(IdentityCase c) {
    assertDerivesAnEquivalentGradient(c.function(), c.variable(), c.declarations(), c.layout(), c.gradient());
  }

  @ParameterizedTest(name = "{0} d/d{1}")
  @MethodSource("languageExamples")
  void derive_agreesWithTheExamplesOfTheLanguage(String f, String x, String declarations, String expected) {
    assertDerivesAnEquivalentGradient(f, x, declarations, Layout.DENOMINATOR, expected);
  }

  @ParameterizedTest(name = "{0} d/d{1}")
  @CsvSource(delimiter = '|', value = {
      "x'*y - y'*x | x | x: vector n;y: vector n | zeros(n, 1)",
      "sum(X - X) + t | X | X: matrix m x n;t: scalar | zeros(m, n)",
      "(A - A)*x | x | A: matrix m x n;x: vector n | zeros(n, m)"})
  void vanishingDerivative_passesItsOwnCheckWithTheRightShape(String f, String x, String declarations,
      String zero) {
    Derivative derived = engine.derive(f, x, declarations.replace(";", "\n"), Layout.DENOMINATOR);
    assertThat(derived.text()).isEqualTo(zero);
    assertThat(derived.maxRelativeError()).isLessThan(CHECK_TOLERANCE);
  }

  @Nested
  class TheCheckCanFail {

    @Test
    void wrongGradient_differsFromTheListedOneNumerically() {
      var typing = engine.analyze("tr(A*X*B)", "A: matrix p x m\nX: matrix m x n\nB: matrix n x p").typing();
      var right = engine.analyze("A'*B'", typing.declarations()).expr();
      var transposedFactors = engine.analyze("(B*A)'", typing.declarations()).expr();
      var wrong = engine.analyze("2*A'*B'", typing.declarations()).expr();
      assertThat(NumericEquality.maxRelativeDifference(right, transposedFactors, typing.declarations(), 1L, 2))
          .isLessThan(NumericEquality.TOLERANCE);
      assertThat(NumericEquality.maxRelativeDifference(right, wrong, typing.declarations(), 1L, 2))
          .isGreaterThan(0.1);
    }

    @Test
    void finiteDifferences_rejectATransposedGradientOnANonSquareVariable() {
      var f = engine.analyze("u'*X*v", "u: vector m\nX: matrix m x n\nv: vector n");
      var transposed = engine.analyze("v*u'", f.typing().declarations()).expr();
      double error = org.matrixcalculustutor.numeric.FiniteDifferences.maxRelativeError(f.expr(), "X",
          transposed, org.matrixcalculustutor.calculus.DerivativeKind.SCALAR_BY_MATRIX, Layout.DENOMINATOR,
          f.typing().declarations(), 3L);
      assertThat(error).isGreaterThan(0.1);
    }

    @Test
    void singularLiteral_isAClearErrorNotAnException() {
      Assertions.assertThrows(ExpressionException.class,
          () -> engine.derive("t*tr(inv([1, 2; 2, 4]))", "t", "t: scalar", Layout.DENOMINATOR));
    }
  }
}
