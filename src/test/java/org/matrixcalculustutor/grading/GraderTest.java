package org.matrixcalculustutor.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Parser;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.engine.Derivative;
import org.matrixcalculustutor.engine.Engine;

class GraderTest {

  private static final Engine ENGINE = new Engine(Limits.DEFAULT);
  private static final Grader GRADER = new Grader(ENGINE);
  private static final String QUADRATIC = "x: vector n\nA: matrix n x n";

  private static Grade grade(String f, String x, String declarations, Layout layout, String answer) {
    Derivative expected = ENGINE.derive(f, x, declarations, layout);
    return GRADER.grade(expected, answer, 42L);
  }

  private static Grade quadratic(String answer) {
    return grade("x'*A*x", "x", QUADRATIC, Layout.DENOMINATOR, answer);
  }

  @Nested
  class Readings {

    @Test
    void anAnswerWrittenAsStudentsWriteIt_isGradedAsReadAndSaysHow() {
      Grade g = quadratic("x^TA + x^TA^T");
      assertThat(g.verdict()).as("a row is the other layout").isEqualTo(Verdict.INCORRECT);
      g = quadratic("Ax + Aᵀx");
      assertThat(g.verdict()).isEqualTo(Verdict.CORRECT);
      assertThat(g.readings()).containsExactly("\"Ax\" read as A x");
    }

    @Test
    void aShapeSlip_isInvalidWithTheSuggestion() {
      Grade g = grade("norm(A*x - b)^2", "x", "A: matrix m x n\nx: vector n\nb: vector m", Layout.DENOMINATOR,
          "2*A*(A*x - b)");
      assertThat(g.verdict()).isEqualTo(Verdict.INVALID);
      assertThat(g.shapeSlip()).isTrue();
      assertThat(g.suggestion()).isEqualTo("2*A'*(A*x - b)");
      assertThat(g.error()).endsWith("did you mean 2*A'*(A*x - b)?");
      Grade syntax = quadratic("(A x");
      assertThat(syntax.shapeSlip()).isFalse();
    }

    @Test
    void aShapeSlipWhoseFixHasTheWrongShapeForTheDerivative_getsNoSuggestion() {
      // a*b meant a .* b: a'*b fits, but is a scalar where the gradient is a vector
      Grade g = grade("x'*(a .* x)", "x", "x: vector n\na: vector n", Layout.DENOMINATOR, "2*a*x");
      assertThat(g.verdict()).isEqualTo(Verdict.INVALID);
      assertThat(g.suggestion()).isNull();
      assertThat(g.error()).contains("does not fit").doesNotContain("did you mean");
      // the fix 2*inv(X'*X)*X' fits, but is the numerator layout of a denominator-layout gradient
      g = grade("logdet(X'*X)", "X", "X: matrix q x r", Layout.DENOMINATOR, "2*inv(X'*X)*X");
      assertThat(g.verdict()).isEqualTo(Verdict.INVALID);
      assertThat(g.suggestion()).isNull();
      assertThat(g.error()).doesNotContain("did you mean");
    }
  }

  @Nested
  class EquivalentForms {

    @ParameterizedTest
    @ValueSource(strings = {"(A + A')*x", "A*x + A'*x", "A'*x + A*x", "(A' + A) x", "A x + (x' A)'"})
    void grade_acceptsEveryCorrectFormOfTheGradient(String answer) {
      Grade g = quadratic(answer);
      assertThat(g.verdict()).isEqualTo(Verdict.CORRECT);
      assertThat(g.diagnoses()).isEmpty();
    }

    @Test
    void grade_acceptsTheRowFormInNumeratorLayout() {
      Grade g = grade("x'*A*x", "x", QUADRATIC, Layout.NUMERATOR, "x'*(A + A')");
      assertThat(g.verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    void grade_saysASymbolicMatchIsSymbolic() {
      assertThat(quadratic("A*x + A'*x").equivalence()).isEqualTo(Equivalence.SYMBOLIC);
    }

    @Test
    void grade_fallsBackOnNumbersForFormsTheAlgebraDoesNotMatch() {
      Grade g = grade("logdet(X)", "X", "X: matrix n x n invertible", Layout.DENOMINATOR, "inv(X')");
      assertThat(g.verdict()).isEqualTo(Verdict.CORRECT);
      Grade n = grade("x'*x", "x", "x: vector n", Layout.DENOMINATOR, "2*x'*x*x/(x'*x)");
      assertThat(n.verdict()).isEqualTo(Verdict.CORRECT);
      assertThat(n.equivalence()).isEqualTo(Equivalence.NUMERIC);
    }

    @Test
    void grade_acceptsAPlainZeroForAGradientThatVanishes() {
      String constant = "x'*y - y'*x";
      String declared = "x: vector n\ny: vector n";
      assertThat(grade(constant, "x", declared, Layout.DENOMINATOR, "0").verdict()).isEqualTo(Verdict.CORRECT);
      assertThat(grade(constant, "x", declared, Layout.DENOMINATOR, "zeros(n, 1)").verdict())
          .isEqualTo(Verdict.CORRECT);
      assertThat(grade(constant, "x", declared, Layout.DENOMINATOR, "y").verdict()).isEqualTo(Verdict.INCORRECT);
    }
  }

  @Nested
  class Diagnoses {

    @Test
    void layout_whenTheAnswerIsTheTranspose() {
      Grade g = grade("u'*X*v", "X", "u: vector m\nX: matrix m x n\nv: vector n", Layout.DENOMINATOR, "v*u'");
      assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.LAYOUT);
    }

    @Test
    void layout_forARowGradientWhereAColumnIsExpected() {
      Grade g = quadratic("x'*(A + A')");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.LAYOUT);
    }

    @Test
    void aLoneOnesOfTheWrongShape_isNotGivenASizeNameTheProblemDoesNotHave() {
      Grade g = grade("tr(X)", "X", "X: matrix n x n", Layout.DENOMINATOR, "ones");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.SHAPE);
      assertThat(g.diagnoses().get(0).message()).startsWith("Your answer is a vector whose size nothing in it fixes")
          .contains("the derivative is matrix n x n");
    }

    @Test
    void aMissingTerm_isNamedAsTheDerivativeWritesIt_notAsThePiecesOfItsExpansion() {
      Grade g = grade("-0.5*logdet(Sigma) - 0.5*(x - mu)'*inv(Sigma)*(x - mu)", "Sigma",
          "Sigma: matrix n x n symmetric\nx: vector n\nmu: vector n", Layout.DENOMINATOR, "-0.5*inv(Sigma)");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.MISSING_TERM);
      assertThat(g.diagnoses().get(0).message())
          .startsWith("Your answer misses the term 0.5*inv(Sigma)*(x - mu)*(x - mu)'*inv(Sigma). ");
    }

    @Test
    void missingTerms_areShownAsTheirSumWhenThatIsShorter() {
      // mu forgotten: three pieces of the expansion of (x - mu)(x - mu)' are missing, no term as written
      Grade g = grade("-0.5*logdet(Sigma) - 0.5*(x - mu)'*inv(Sigma)*(x - mu)", "Sigma",
          "Sigma: matrix n x n symmetric\nx: vector n\nmu: vector n", Layout.DENOMINATOR,
          "-0.5*inv(Sigma) + 0.5*inv(Sigma)*x*x'*inv(Sigma)");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.MISSING_TERM);
      assertThat(g.diagnoses().get(0).message()).startsWith("Your answer misses terms that add up to ")
          .contains("mu").doesNotContain("the terms");
    }

    @Test
    void theGradientOfTheSquaredNorm_forANorm_isNamed() {
      Grade g = grade("norm(x - a)", "x", "x: vector n\na: vector n", Layout.DENOMINATOR, "2*(x - a)");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.FACTOR);
      assertThat(g.diagnoses().get(0).message()).startsWith("Your answer is 2 f times the derivative: the gradient of f²");
      // a squared norm has no square root: 2 f e there is no such slip
      g = grade("norm(x - a)^2", "x", "x: vector n\na: vector n", Layout.DENOMINATOR, "4*norm(x - a)^2*(x - a)");
      assertThat(g.diagnoses()).extracting(Diagnosis::message).noneMatch(m -> m.contains("gradient of f²"));
    }

    @Test
    void theOneHotAnswerToCrossEntropyWithAGeneralY_isNamedAsAssumingYAddsUpToOne() {
      Grade g = grade("-y'*log(softmax(X*w))", "w", "X: matrix m x n\nw: vector n\ny: vector m", Layout.DENOMINATOR,
          "X'*(softmax(X*w) - y)");
      assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.ASSUMED_SUM_ONE);
      assertThat(g.diagnoses().get(0).message()).contains("if the entries of y added up to 1").contains("sum(y)");
      // an answer wrong otherwise is not said to be right for such a y
      g = grade("-y'*log(softmax(X*w))", "w", "X: matrix m x n\nw: vector n\ny: vector m", Layout.DENOMINATOR,
          "X'*softmax(X*w)");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).doesNotContain(DiagnosisCode.ASSUMED_SUM_ONE);
    }

    @Test
    void factor_ofOneTerm_namesTheTermAndSaysTheOthersAreRight() {
      String ridge = "X: matrix m x n\nw: vector n\ny: vector m\nlambda: scalar";
      Grade g = grade("norm(X*w - y)^2 + lambda*norm(w)^2", "w", ridge, Layout.DENOMINATOR, "2*X'*(X*w - y) + lambda*w");
      assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.FACTOR);
      assertThat(g.diagnoses().get(0).message())
          .startsWith("In your answer the term 2*lambda*w is 1/2 of what it should be; the other terms are right.");
      g = grade("norm(X*w - y)^2 + lambda*norm(w)^2", "w", ridge, Layout.DENOMINATOR, "4*X'*(X*w - y) + 2*lambda*w");
      assertThat(g.diagnoses().get(0).message()).contains("is 2 times what it should be");
    }

    @Test
    void layout_ofAJacobian_isExplainedByItsRowsNotAsAGradientsShape() {
      Grade g = grade("A*x + b", "x", "A: matrix m x n\nx: vector n\nb: vector m", Layout.DENOMINATOR, "A");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.LAYOUT);
      assertThat(g.diagnoses().get(0).message())
          .contains("a row for each entry of x and a column for each entry of f, here n x m")
          .doesNotContain("shape of x").doesNotContain("scalar");
      g = grade("A*x", "x", "A: matrix m x n\nx: vector n", Layout.NUMERATOR, "A'");
      assertThat(g.diagnoses().get(0).message()).contains("a row for each entry of f and a column for each entry of x")
          .doesNotContain("scalar");
    }

    @Test
    void layout_forASquareVariableTransposed() {
      Grade g = grade("tr(A*X)", "X", "A: matrix n x n\nX: matrix n x n", Layout.DENOMINATOR, "A");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.LAYOUT);
      // inv(X) for log det X: as likely a transpose lost reading off tr(X^-1 dX) as a layout
      g = grade("logdet(X)", "X", "X: matrix n x n", Layout.DENOMINATOR, "inv(X)");
      assertThat(g.diagnoses().get(0).message()).contains("or a transpose was lost on the way");
    }

    @Test
    void sign_whenTheAnswerIsTheNegative() {
      Grade g = grade("norm(A*x - b)^2", "x", "A: matrix m x n\nx: vector n\nb: vector m", Layout.DENOMINATOR,
          "2*A'*(b - A*x)");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.SIGN);
    }

    @Test
    void factor_saysWhichFactor() {
      Grade g = grade("x'*x", "x", "x: vector n", Layout.DENOMINATOR, "x");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.FACTOR);
      assertThat(g.diagnoses().get(0).message()).contains("1/2 of");
    }

    @Test
    void assumedSymmetric_forTwoAxWithAGeneralA() {
      Grade g = quadratic("2*A*x");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.ASSUMED_SYMMETRIC);
      assertThat(g.diagnoses().get(0).message()).contains("A");
    }

    /** "as in (A + A')" only where the derivative holds that sum: tr(inv(X)*A) has no A + A'. */
    @Test
    void assumedSymmetric_pointsAtAPlusATransposeOnlyWhereTheDerivativeHasIt() {
      assertThat(quadratic("2*A*x").diagnoses().get(0).message()).endsWith("keep A and A' apart, as in (A + A').");
      Grade g = grade("tr(inv(X)*A)", "X", "X: matrix n x n invertible\nA: matrix n x n", Layout.DENOMINATOR,
          "-inv(X)'*A*inv(X)'");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.ASSUMED_SYMMETRIC);
      assertThat(g.diagnoses().get(0).message()).endsWith("keep A and A' apart.");
    }

    /** A missing term can come from a term of a sum, not only from the product rule. */
    @Test
    void missingTerm_namesSumsAndProductsAsSourcesOfTerms() {
      Grade g = grade("x'*A*x + b'*x", "x", QUADRATIC + "\nb: vector n", Layout.DENOMINATOR, "(A + A')*x");
      assertThat(g.diagnoses().get(0).message()).contains("each term of a sum").contains("product rule");
    }

    /** An I sized by its context takes the problem's sizes in the answer's shape, not a name the problem lacks. */
    @Test
    void theAnswersShape_usesTheProblemsSizeNames() {
      Derivative hessian = ENGINE.derive("tr(X'*A*X)", "X", "X: matrix m x n\nA: matrix m x m", Layout.DENOMINATOR, 2);
      Grade g = GRADER.grade(hessian, "kron(I, A) + kron(I, A')", 42L);
      assertThat(g.verdict()).isEqualTo(Verdict.CORRECT);
      assertThat(g.answer().shape()).isEqualTo(g.expected().shape()).isEqualTo("m*n x m*n");
    }

    /** The right factors in another order: matrix products do not commute, and kron's factors do not swap. */
    @Test
    void order_ofTheRightFactorsIsDiagnosed() {
      Grade g = grade("tr(inv(X)*A)", "X", "X: matrix n x n invertible\nA: matrix n x n", Layout.DENOMINATOR,
          "-inv(X)'*inv(X)'*A'");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.ORDER);
      assertThat(g.diagnoses().get(0).message()).contains("do not commute");
      Grade kron = grade("A*X*B", "X", "A: matrix p x m\nX: matrix m x n\nB: matrix n x q", Layout.NUMERATOR,
          "kron(A, B')");
      assertThat(kron.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.ORDER);
      assertThat(kron.diagnoses().get(0).message()).contains("swapped");
      assertThat(Grader.sameFactorsInAnotherOrder(Parser.parse("A*B*A", Limits.DEFAULT), Parser.parse("A*A*B",
          Limits.DEFAULT))).isTrue();
      assertThat(Grader.sameFactorsInAnotherOrder(Parser.parse("A*B*B", Limits.DEFAULT), Parser.parse("A*A*B",
          Limits.DEFAULT))).isFalse();
    }

    /** One factor's transpose lost in a product of several: not the layout (the whole), not a symmetric matrix. */
    @Test
    void oneFactorTransposed_isNamedWithTheFactor() {
      String inverse = "X: matrix n x n invertible\nA: matrix n x n";
      Grade g = grade("tr(inv(X)*A)", "X", inverse, Layout.DENOMINATOR, "-inv(X)*A'*inv(X)'");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.TRANSPOSED_FACTOR);
      assertThat(g.diagnoses().get(0).message())
          .startsWith("Where the derivative has inv(X)', your answer has its transpose, inv(X); the rest is right.");
      g = grade("a'*inv(X)*b", "X", "X: matrix n x n invertible\na: vector n\nb: vector n", Layout.DENOMINATOR,
          "-inv(X)'*a*b'*inv(X)");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.TRANSPOSED_FACTOR);
      // the whole transposed is the layout's slip, as before
      assertThat(grade("tr(inv(X)*A)", "X", inverse, Layout.DENOMINATOR, "-inv(X)*A*inv(X)").diagnoses())
          .extracting(Diagnosis::code).containsExactly(DiagnosisCode.LAYOUT);
    }

    @Test
    void aFactorLeftOut_isNamedWithItsProduct() {
      Grade g = grade("x'*A*x", "x", QUADRATIC, Layout.DENOMINATOR, "x");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.MISSING_FACTOR);
      assertThat(g.diagnoses().get(0).message()).startsWith("Your answer leaves out the factor A + A' of (A + A')*x;");
      g = grade("norm(X*w - y)^2 + lambda*norm(w)^2", "w", "X: matrix m x n\nlambda: scalar", Layout.DENOMINATOR,
          "2*X'*(X*w - y) + 2*w");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.MISSING_FACTOR);
      assertThat(g.diagnoses().get(0).message()).startsWith("Your answer leaves out the factor lambda of 2*lambda*w;");
      g = grade("a'*(x .* b)", "x", "x: vector n\na: vector n\nb: vector n", Layout.DENOMINATOR, "b");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.MISSING_FACTOR);
      assertThat(g.diagnoses().get(0).message()).startsWith("Your answer leaves out the factor a of a .* b;");
    }

    @Test
    void aSignFlippedInsideAFactor_isNamedWithThatPart() {
      // two pieces of the expansion change sign, so no single term of it has the wrong sign
      Grade g = grade("-0.5*logdet(Sigma) - 0.5*(x - mu)'*inv(Sigma)*(x - mu)", "Sigma",
          "Sigma: matrix n x n symmetric\nx: vector n\nmu: vector n", Layout.DENOMINATOR,
          "-0.5*inv(Sigma) + 0.5*inv(Sigma)*(x + mu)*(x - mu)'*inv(Sigma)");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.SIGN);
      assertThat(g.diagnoses().get(0).message()).startsWith("Where the derivative has x - mu, your answer has a sign"
          + " flipped inside it; the rest is right.");
      // x - a stands twice in (x - a)/||x - a||: the sign flipped in one place only
      g = grade("norm(x - a)", "x", "x: vector n\na: vector n", Layout.DENOMINATOR, "(x - a)/norm(x + a)");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.SIGN);
      assertThat(g.diagnoses().get(0).message()).startsWith("Where the derivative has x - a, your answer has a sign");
    }

    /** A Hessian by a matrix is a kron with a factor in front: its swapped factors are still a swap. */
    @Test
    void aSwappedKronWithAFactorInFront_isDiagnosedAsTheSwap() {
      Derivative hessian = ENGINE.derive("norm(X*B - C)^2", "X", "X: matrix m x n\nB: matrix n x p\nC: matrix m x p",
          Layout.DENOMINATOR, 2);
      Grade g = GRADER.grade(hessian, "2*kron(I(m), B*B')", 42L);
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.ORDER);
      assertThat(g.diagnoses().get(0).message()).contains("Kronecker product swapped");
      // two factors out of place are not one swap
      assertThat(Grader.kronSwapped(Parser.parse("2*kron(A, B)*kron(C, D)", Limits.DEFAULT),
          Parser.parse("2*kron(B, A)*kron(D, C)", Limits.DEFAULT))).isFalse();
      assertThat(Grader.kronSwapped(Parser.parse("2*kron(A, B)*kron(C, D)", Limits.DEFAULT),
          Parser.parse("2*kron(B, A)*kron(C, D)", Limits.DEFAULT))).isTrue();
    }

    /** Jacobi's formula forgotten, either way round: the answers differ from the derivative by det(M). */
    @Test
    void detForLogDet_isDiagnosedEitherWayRound() {
      String invertible = "X: matrix n x n invertible\nA: matrix n x n";
      Grade det = grade("det(X)", "X", invertible, Layout.DENOMINATOR, "inv(X)'");
      assertThat(det.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.DET_LOGDET);
      assertThat(det.diagnoses().get(0).message()).contains("Jacobi's formula").contains("det(X)");
      Grade logDet = grade("logdet(X)", "X", invertible, Layout.DENOMINATOR, "det(X)*inv(X)'");
      assertThat(logDet.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.DET_LOGDET);
      Grade logOfDet = grade("log(det(X'*A*X))", "X", invertible, Layout.DENOMINATOR,
          "det(X'*A*X)*(A*X*inv(X'*A*X) + A'*X*inv(X'*A*X)')");
      assertThat(logOfDet.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.DET_LOGDET);
      assertThat(grade("det(X)", "X", invertible, Layout.DENOMINATOR, "det(X)*inv(X)").diagnoses())
          .extracting(Diagnosis::code).containsExactly(DiagnosisCode.LAYOUT);
    }

    @Test
    void aSlipInAFunctionsChainRule_isDiagnosedAndNamesTheDerivative() {
      String logistic = "X: matrix m x n\nw: vector n\ny: vector m";
      // the logistic loss's Hessian with sigma where the chain rule needs sigma' = sigma .* (1 - sigma)
      Derivative hessian = ENGINE.derive("sum(log(ones + exp(X*w))) - y'*X*w", "w", logistic, Layout.DENOMINATOR, 2);
      Grade sigma = GRADER.grade(hessian, "X'*diag(sigmoid(X*w))*X", 42L);
      assertThat(sigma.correct()).isFalse();
      assertThat(sigma.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.CHAIN_RULE);
      assertThat(sigma.diagnoses().get(0).message()).contains("sigmoid(u) where the chain rule needs its derivative")
          .contains("sigmoid(u)*(1 - sigmoid(u))");
      // and X'X with the factor sigma' left out altogether
      assertThat(GRADER.grade(hessian, "X'*X", 42L).diagnoses().get(0).message())
          .contains("leaves out the factor sigmoid'(u)");
      // tanh's factor 1 - tanh^2 left out of a gradient
      Grade tanh = grade("sum(tanh(W*x))", "W", "W: matrix m x n\nx: vector n", Layout.DENOMINATOR, "ones(m)*x'");
      assertThat(tanh.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.CHAIN_RULE);
      assertThat(tanh.diagnoses().get(0).message()).contains("leaves out the factor tanh'(u)");
      // exp is its own derivative: writing it for its derivative is no slip, and the answer is right
      assertThat(grade("sum(exp(A*x))", "x", QUADRATIC, Layout.DENOMINATOR, "A'*exp(A*x)").correct()).isTrue();
      // an answer no slip explains gets no chain-rule diagnosis
      assertThat(grade("sum(sigmoid(A*x))", "x", QUADRATIC, Layout.DENOMINATOR, "A'*sigmoid(A*x) + x").diagnoses())
          .extracting(Diagnosis::code).doesNotContain(DiagnosisCode.CHAIN_RULE);
    }

    @Test
    void missingTerm_saysWhichTermIsMissing() {
      Grade g = grade("x'*A*x + b'*x", "x", QUADRATIC + "\nb: vector n", Layout.DENOMINATOR, "(A + A')*x");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.MISSING_TERM);
      assertThat(g.diagnoses().get(0).message()).contains("b");
    }

    @Test
    void missingTerms_namesEachOfThem() {
      Grade g = grade("x'*A*x + b'*x", "x", QUADRATIC + "\nb: vector n", Layout.DENOMINATOR, "b");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.MISSING_TERM);
      assertThat(g.diagnoses().get(0).message()).contains("terms").contains("A*x").contains("A'*x");
    }

    @Test
    void sign_ofOneTermOfTheSum() {
      Grade g = grade("x'*A*x + b'*x", "x", QUADRATIC + "\nb: vector n", Layout.DENOMINATOR, "(A + A')*x - b");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.SIGN);
      assertThat(g.diagnoses().get(0).message()).startsWith("The term b of your answer has the wrong sign");
    }

    /** A term of the derivative as written, not only one of its expanded pieces: Sigma's MLE has five of those. */
    @Test
    void sign_ofOneTermAsTheDerivativeWritesIt() {
      Grade g = grade("-0.5*logdet(Sigma) - 0.5*(x - mu)'*inv(Sigma)*(x - mu)", "Sigma",
          "Sigma: matrix n x n spd\nx: vector n\nmu: vector n", Layout.DENOMINATOR,
          "-0.5*inv(Sigma) - 0.5*inv(Sigma)*(x - mu)*(x - mu)'*inv(Sigma)");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.SIGN);
      assertThat(g.diagnoses().get(0).message()).contains("(x - mu)*(x - mu)'");
    }

    @Test
    void extraTerm_saysWhichTermIsTooMany() {
      Grade g = grade("b'*x", "x", "x: vector n\nb: vector n\nc: vector n", Layout.DENOMINATOR, "b + x");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.EXTRA_TERM);
      assertThat(g.diagnoses().get(0).message()).contains("x");
    }

    @Test
    void shape_namesBothShapes() {
      Grade g = grade("u'*X*v", "X", "u: vector m\nX: matrix m x n\nv: vector n", Layout.DENOMINATOR, "u");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.SHAPE);
      assertThat(g.diagnoses().get(0).message()).contains("vector m").contains("matrix m x n");
    }

    @Test
    void unknownSymbol_namesTheSymbol() {
      Grade g = quadratic("(A + B)*x");
      assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.UNKNOWN_SYMBOL);
      assertThat(g.diagnoses().get(0).message()).contains("B");
    }

    @Test
    void sigmaForTheLogisticFunction_isPointedToSigmoid() {
      Grade g = grade("sum(sigmoid(X*w))", "w", "X: matrix m x n\nw: vector n", Layout.DENOMINATOR,
          "X'*(sigma(X*w) .* (ones - sigma(X*w)))");
      assertThat(g.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.UNKNOWN_SYMBOL);
      assertThat(g.diagnoses().get(0).message()).endsWith("For the logistic function σ write sigmoid(...).");
    }

    /** I(k) with no k in the problem: not "a size nothing fixes", which is about a lone I. */
    @Test
    void aSizeTheProblemDoesNotHave_isNamedWithTheProblemsSizes() {
      Derivative hessian = ENGINE.derive("tr(X'*A*X)", "X", "X: matrix m x n\nA: matrix m x m", Layout.DENOMINATOR, 2);
      Grade g = GRADER.grade(hessian, "kron(I(k), A + A')", 42L);
      assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
      assertThat(g.diagnoses()).extracting(Diagnosis::message)
          .containsExactly("Your answer uses the size k, which is not in the problem; its sizes are m and n.");
      // the problem's own sizes, written out, are read as they are
      assertThat(GRADER.grade(hessian, "kron(I(n), A + A')", 42L).verdict()).isEqualTo(Verdict.CORRECT);
      assertThat(GRADER.grade(hessian, "kron(I(m), A + A')", 42L).diagnoses()).extracting(Diagnosis::code)
          .containsExactly(DiagnosisCode.SHAPE);
    }
  }

  @Nested
  class InvalidAnswers {

    @Test
    void syntaxError_isInvalidWithItsPosition() {
      Grade g = quadratic("(A + A'*x");
      assertThat(g.verdict()).isEqualTo(Verdict.INVALID);
      assertThat(g.position()).isEqualTo(10);
      assertThat(g.error()).contains("expected ')'");
    }

    @Test
    void shapeErrorInsideTheAnswer_isInvalid() {
      Grade g = quadratic("A + x");
      assertThat(g.verdict()).isEqualTo(Verdict.INVALID);
      assertThat(g.error()).contains("equal shapes");
    }

    @Test
    void wrongAnswerWithoutAPattern_isIncorrectWithoutDiagnosis() {
      Grade g = quadratic("A*A*x");
      assertThat(g.verdict()).isEqualTo(Verdict.INCORRECT);
      assertThat(g.diagnoses()).isEmpty();
    }
  }

  @Test
  void aCachedProblem_drawsItsPointsOnceAndGradesAsAFreshOneDoes() {
    Derivative d = ENGINE.derive("x'*A*x", "x", QUADRATIC, Layout.DENOMINATOR);
    Grader.Expected cached = Grader.prepare(d);
    Grade first = GRADER.grade(cached, "2*A*x", 7);
    var points = cached.points().get(7L);
    Grade second = GRADER.grade(cached, "2*A*x", 7);
    assertThat(cached.points().get(7L)).as("the same points, not drawn again").isSameAs(points);
    assertThat(second).isEqualTo(first);
    assertThat(GRADER.grade(Grader.prepare(d), "2*A*x", 7)).as("fresh points of the same seed").isEqualTo(first);
    assertThat(first.diagnoses()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.ASSUMED_SYMMETRIC);
    assertThat(cached.points()).hasSizeLessThanOrEqualTo(Grader.Expected.SEEDS_KEPT);
  }
}
