package org.matrixcalculustutor.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Parser;
import org.matrixcalculustutor.algebra.RuleLatex;
import org.matrixcalculustutor.algebra.ShapeChecker;
import org.matrixcalculustutor.algebra.TextPrinter;
import org.matrixcalculustutor.algebra.Typing;

/** The method on the lecture's examples; numeric checks of every identity are in engine tests. */
class DerivativesTest {

  private static Derivatives.Result derive(String f, String x, String declarations, Layout layout) {
    Declarations d = Declarations.parse(declarations, Limits.DEFAULT);
    Set<String> names = d.all().stream().map(Declaration::name).collect(Collectors.toSet());
    Parser.Result parsed = Parser.parse(f, Limits.DEFAULT, names);
    Typing typing = ShapeChecker.check(parsed.expr(), d, parsed.spans());
    return Derivatives.derive(typing, x, layout);
  }

  private static String text(Derivatives.Result r) {
    return TextPrinter.print(r.derivative());
  }

  @Nested
  class SixKinds {

    @Test
    void scalarByScalar_isTheOrdinaryDerivative() {
      var r = derive("t^3 + sin(t)", "t", "t: scalar", Layout.DENOMINATOR);
      assertThat(r.kind()).isEqualTo(DerivativeKind.SCALAR_BY_SCALAR);
      assertThat(text(r)).isEqualTo("3*t^2 + cos(t)");
    }

    @Test
    void vectorByScalar_isTheTangentVectorOfTheCircle() {
      var r = derive("[cos(t); sin(t)]", "t", "t: scalar", Layout.NUMERATOR);
      assertThat(r.kind()).isEqualTo(DerivativeKind.VECTOR_BY_SCALAR);
      assertThat(text(r)).isEqualTo("[-sin(t); cos(t)]");
      assertThat(r.shape().toString()).isEqualTo("2 x 1");
    }

    @Test
    void vectorByScalar_isARowInDenominatorLayout() {
      var r = derive("[cos(t); sin(t)]", "t", "t: scalar", Layout.DENOMINATOR);
      assertThat(r.shape().toString()).isEqualTo("1 x 2");
    }

    @Test
    void matrixByScalar_isTheTangentMatrixOfTheRotation() {
      var r = derive("[cos(t), -sin(t); sin(t), cos(t)]", "t", "t: scalar", Layout.DENOMINATOR);
      assertThat(r.kind()).isEqualTo(DerivativeKind.MATRIX_BY_SCALAR);
      assertThat(text(r)).isEqualTo("[-sin(t), -cos(t); cos(t), -sin(t)]");
    }

    @Test
    void scalarByVector_isTheGradientAColumnInDenominatorLayout() {
      var r = derive("x'*A*x", "x", "x: vector n\nA: matrix n x n", Layout.DENOMINATOR);
      assertThat(r.kind()).isEqualTo(DerivativeKind.SCALAR_BY_VECTOR);
      assertThat(text(r)).isEqualTo("(A + A')*x");
      assertThat(r.shape().toString()).isEqualTo("n x 1");
    }

    @Test
    void scalarByVector_isARowInNumeratorLayout() {
      var r = derive("x'*x", "x", "x: vector n", Layout.NUMERATOR);
      assertThat(text(r)).isEqualTo("2*x'");
      assertThat(r.shape().toString()).isEqualTo("1 x n");
    }

    @Test
    void vectorByVector_theJacobianOfAxIsAInNumeratorLayout() {
      var r = derive("A*x + b", "x", "A: matrix m x n\nx: vector n\nb: vector m", Layout.NUMERATOR);
      assertThat(r.kind()).isEqualTo(DerivativeKind.VECTOR_BY_VECTOR);
      assertThat(text(r)).isEqualTo("A");
      assertThat(r.shape().toString()).isEqualTo("m x n");
      var denominator = derive("A*x + b", "x", "A: matrix m x n\nx: vector n\nb: vector m", Layout.DENOMINATOR);
      assertThat(text(denominator)).isEqualTo("A'");
    }

    @Test
    void scalarByMatrix_isTheGradientMatrix() {
      var r = derive("tr(A*X*B)", "X", "A: matrix p x m\nX: matrix m x n\nB: matrix n x p", Layout.DENOMINATOR);
      assertThat(r.kind()).isEqualTo(DerivativeKind.SCALAR_BY_MATRIX);
      assertThat(text(r)).isEqualTo("A'*B'");
      assertThat(r.shape().toString()).isEqualTo("m x n");
    }

    @Test
    void matrixByMatrix_isTheVecJacobianBeyondTheSixKinds() {
      var r = derive("X*A", "X", "X: matrix m x n\nA: matrix n x p", Layout.NUMERATOR);
      assertThat(r.kind()).isEqualTo(DerivativeKind.MATRIX_BY_MATRIX);
      assertThat(r.form()).isEqualTo("vec");
      assertThat(text(r)).isEqualTo("kron(A', I(m))");
      assertThat(r.shape().toString()).isEqualTo("m*p x m*n");
    }
  }

  @Nested
  class Derivation {

    @Test
    void steps_nameTheRulesATeacherWouldWrite() {
      var r = derive("logdet(X'*X)", "X", "X: matrix m x n", Layout.DENOMINATOR);
      assertThat(r.steps()).extracting(Step::rule).anyMatch(rule -> rule.contains("d log|X|"))
          .anyMatch(rule -> rule.contains("product rule")).anyMatch(rule -> rule.contains("cyclic trace"))
          .anyMatch(rule -> rule.startsWith("read off"));
      assertThat(text(r)).isEqualTo("2*X*inv(X'*X)");
    }

    @Test
    void steps_showTheOuterRuleFirstWithItsPartsDifferentialStillToBeWorkedOut() {
      var r = derive("logdet(X'*X)", "X", "X: matrix m x n", Layout.DENOMINATOR);
      assertThat(r.steps()).extracting(Step::rule).startsWith("the function", "d log|X| = tr(X^-1 dX)",
          "product rule: d(XY) = dX Y + X dY", "collect the differential");
      assertThat(r.steps().get(1).latex()).endsWith(
          "\\operatorname{tr}\\left(\\left(X^{\\top} X\\right)^{-1} \\mathrm{d}\\left(X^{\\top} X\\right)\\right)");
      assertThat(r.steps().get(2).latex()).endsWith("= \\mathrm{d}X^{\\top} X + X^{\\top} \\mathrm{d}X");
    }

    @Test
    void steps_ofSiblingsFollowTheOrderOfTheFunction() {
      var r = derive("det(X) + tr(inv(X))", "X", "X: matrix n x n invertible", Layout.DENOMINATOR);
      assertThat(r.steps()).extracting(Step::rule).startsWith("the function",
          "Jacobi's formula: d|X| = |X| tr(X^-1 dX)", "d tr = tr d", "inverse: d(X^-1) = -X^-1 dX X^-1");
    }

    @Test
    void squaredNorm_isTwiceTheInnerProductWithItsDifferential() {
      var r = derive("norm(X*w - y)^2", "w", "X: matrix m x n\ny: vector m", Layout.DENOMINATOR);
      assertThat(r.steps()).extracting(Step::rule).contains("squared norm: d||X||^2 = 2<X, dX>")
          .noneMatch(rule -> rule.startsWith("norm:"));
      assertThat(text(r)).isEqualTo("2*X'*(X*w - y)");
    }

    @Test
    void vanishingGradient_isAZeroOfTheVariablesShape() {
      var r = derive("(x' - x')*y", "x", "x: vector n\ny: vector n", Layout.DENOMINATOR);
      assertThat(text(r)).isEqualTo("zeros(n, 1)");
      assertThat(r.steps()).extracting(Step::rule).noneMatch(rule -> rule.startsWith("trace trick"));
    }

    @Test
    void scalarRunInsideAProduct_staysOneScalarFactor() {
      String declared = "B: matrix m x m\nS: matrix n x n\nx: vector n\ny: vector m";
      assertThat(text(derive("norm(B)^2*x'*x", "B", declared, Layout.DENOMINATOR))).isEqualTo("(2*x'*x)*B");
      assertThat(text(derive("x'*S*x*y", "x", declared, Layout.NUMERATOR))).isEqualTo("y*x'*(S' + S)");
    }

    @Test
    void entryWiseFunctionOfARow_usesARowOfOnes() {
      var r = derive("sigmoid(x')*y", "x", "x: vector n\ny: vector n", Layout.DENOMINATOR);
      assertThat(text(r)).isEqualTo("y .* sigmoid(x) .* (ones - sigmoid(x))");
    }

    @Test
    void ruleNames_arePlainTextWithoutTexCommands() {
      var r = derive("[cos(t), -sin(t); sin(t), cos(t)]", "t", "t: scalar", Layout.DENOMINATOR);
      assertThat(r.steps()).extracting(Step::rule).contains("divide by dt").noneMatch(rule -> rule.contains("\\"));
    }

    @Test
    void chainRule_ofAScalarArgument_isTheOrdinaryOneWithoutAHadamardProduct() {
      var r = derive("log(det(X'*X))", "X", "X: matrix m x n", Layout.DENOMINATOR);
      assertThat(r.steps()).extracting(Step::rule).contains("chain rule, log of a scalar: d f(u) = f'(u) du")
          .noneMatch(rule -> rule.contains("⊙") || rule.contains("entry-wise"));
      assertThat(RuleLatex.of(r.steps().get(1).rule()))
          .isEqualTo("\\text{chain rule, log of a scalar: }\\mathrm{d} f (u) = f'(u) \\mathrm{d}u");
    }

    @Test
    void chainRule_ofAScalarArgument_namesNoLetterOfTheProblem() {
      var r = derive("exp(u'*x)", "x", "u: vector n\nx: vector n", Layout.DENOMINATOR);
      assertThat(r.steps()).extracting(Step::rule).contains("chain rule, exp of a scalar: d f(t) = f'(t) dt");
    }

    @Test
    void chainRule_ofAMatrixArgument_isEntryWise() {
      var r = derive("sum(exp(A*w))", "w", "A: matrix m x n\nw: vector n", Layout.DENOMINATOR);
      assertThat(r.steps()).extracting(Step::rule).contains("chain rule, entry-wise exp: d f(X) = f'(X) ⊙ dX");
    }

    @Test
    void secondDifferential_takesOutTheEntrywiseFactorsItsTermsShare_beforeTheDifferentials() {
      Declarations d = Declarations.parse("X: matrix m x n\nw: vector n", Limits.DEFAULT);
      Parser.Result parsed = Parser.parse("sum(sigmoid(X*w))", Limits.DEFAULT, Set.of("X", "w"));
      var r = Derivatives.hessian(ShapeChecker.check(parsed.expr(), d, parsed.spans()), "w");
      assertThat(r.steps()).filteredOn(s -> s.rule().equals("collect the second differential"))
          .extracting(Step::text).containsExactly("d2f = sum(sigmoid(X*w) .* (ones - sigmoid(X*w)) .* (ones - 2*sigmoid(X*w))"
              + " .* (X*dw) .* (X*dw))");
    }

    @Test
    void steps_useJacobisFormulaForTheDeterminant() {
      var r = derive("det(X)", "X", "X: matrix n x n invertible", Layout.DENOMINATOR);
      assertThat(r.steps()).extracting(Step::rule).anyMatch(rule -> rule.startsWith("Jacobi's formula"));
      assertThat(text(r)).isEqualTo("det(X)*inv(X)'");
    }

    @Test
    void steps_useTheInverseRule() {
      var r = derive("tr(inv(X)*A)", "X", "X: matrix n x n invertible", Layout.DENOMINATOR);
      assertThat(r.steps()).extracting(Step::rule).anyMatch(rule -> rule.contains("-X^-1 dX X^-1"));
    }

    @Test
    void steps_moveAFactorAcrossTheHadamardProduct() {
      var r = derive("a'*(x .* b)", "x", "a: vector n\nx: vector n\nb: vector n", Layout.DENOMINATOR);
      assertThat(r.steps()).extracting(Step::rule).anyMatch(rule -> rule.contains("<A, B ⊙ C> = <A ⊙ B, C>"));
      assertThat(text(r)).isEqualTo("a .* b");
    }

    @Test
    void symmetricDeclaration_isUsedToSimplify() {
      var r = derive("x'*A*x", "x", "x: vector n\nA: matrix n x n symmetric", Layout.DENOMINATOR);
      assertThat(text(r)).isEqualTo("2*A*x");
    }
  }

  @Nested
  class ReadingOff {

    @Test
    void softmaxRegression_isRecognisedAsSoftmaxMinusTheLabels() {
      var r = derive("-y'*X*w + log(ones'*exp(X*w))", "w", "X: matrix m x n\nw: vector n\ny: vector m",
          Layout.DENOMINATOR);
      assertThat(text(r)).isEqualTo("X'*(softmax(X*w) - y)");
    }

    @Test
    void multipleRegression_isMinusTwoXTransposeTheResidual() {
      var r = derive("norm(Y - X*A)^2", "A", "Y: matrix m x p\nX: matrix m x n\nA: matrix n x p",
          Layout.DENOMINATOR);
      assertThat(text(r)).isEqualTo("-2*X'*(Y - X*A)");
    }

    @Test
    void jacobian_keepsTheIdentityWhereAScalarFactorCarriesIt() {
      var r = derive("x*x'*a", "x", "x: vector n\na: vector n", Layout.NUMERATOR);
      // the scalar x'*a stays one factor: flat, transposing it would give I(n)*a'*x, which does not multiply
      assertThat(text(r)).isEqualTo("(x'*a)*I(n) + x*a'");
    }
  }
}
