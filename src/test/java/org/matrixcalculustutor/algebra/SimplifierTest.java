package org.matrixcalculustutor.algebra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SimplifierTest {

  private static final String DECLARATIONS = """
      A: matrix n x n
      B: matrix n x n
      S: matrix n x n symmetric
      Q: matrix n x n orthogonal
      X: matrix m x n
      Y: matrix m x p
      C: matrix n x p
      x: vector n
      y: vector n
      a: vector m
      c: scalar
      """;

  private static String simplify(String text) {
    return TextPrinter.print(Simplifier.simplify(parse(text), typing(text)));
  }

  private static String normalForm(String text) {
    return TextPrinter.print(Simplifier.normalForm(parse(text), typing(text)));
  }

  private static Expr parse(String text) {
    return Parser.parse(text, Limits.DEFAULT, Set.of("A", "B", "C", "Q", "S", "X", "Y", "x", "y", "a", "c")).expr();
  }

  private static Typing typing(String text) {
    return ShapeChecker.check(parse(text), Declarations.parse(DECLARATIONS, Limits.DEFAULT));
  }

  @Nested
  class Transposes {

    @Test
    void pushTranspose_reversesProductsDownToSymbols() {
      assertThat(simplify("(A*B*x)'")).isEqualTo("x'*B'*A'");
    }

    @Test
    void pushTranspose_removesDoubleTransposeAndSymmetricTranspose() {
      assertThat(simplify("A''")).isEqualTo("A");
      assertThat(simplify("S'*x")).isEqualTo("S*x");
      assertThat(simplify("(x'*y)'")).isEqualTo("x'*y");
    }

    @Test
    void pushTranspose_keepsTheTransposeOfASumWhenDistributingAddsTransposes() {
      assertThat(simplify("(x - y)'*A")).isEqualTo("(x - y)'*A");
      assertThat(simplify("(x'*A + y')'")).isEqualTo("A'*x + y");
    }

    @Test
    void inverseOfTranspose_isWrittenAsTransposeOfInverse() {
      assertThat(simplify("inv(A')")).isEqualTo("inv(A)'");
      assertThat(simplify("inv(inv(A))")).isEqualTo("A");
      assertThat(simplify("inv(S)'")).isEqualTo("inv(S)");
    }
  }

  @Nested
  class Terms {

    @Test
    void collectLikeTerms_addsCoefficientsOfEqualTerms() {
      assertThat(simplify("A*x + A*x")).isEqualTo("2*A*x");
      assertThat(simplify("3*x - x")).isEqualTo("2*x");
      assertThat(simplify("c - c")).isEqualTo("0");
    }

    @Test
    void collectLikeTerms_seesTermsWhoseScalarsDifferInOrderAsAlike() {
      assertThat(simplify("(x'*x)^-2*(x'*y)*x + (x'*y)*(x'*x)^-2*x")).isEqualTo("2*(x'*x)^-2*(x'*y)*x");
    }

    @Test
    void collectLikeTerms_seesEntrywiseProductsWhoseFactorsDifferInOrderAsAlike() {
      assertThat(simplify("x .* y - 3*(y .* x)")).isEqualTo("-2*(x .* y)");
      assertThat(simplify("x .* (A*x) .* y + y .* x .* (A*x)")).isEqualTo("2*(x .* (A*x) .* y)");
    }

    @Test
    void collectLikeTerms_seesASumFactorInAnyOrderOfItsTermsAsAlike_writtenInOneOrder() {
      assertThat(simplify("(A + A')*x*x'*(A' + A) + (A + A')*x*x'*(A + A')")).isEqualTo("2*(A + A')*x*x'*(A + A')");
    }

    @Test
    void collectLikeTerms_seesASumFactorWithEveryTermNegatedAsAlikeWithTheOppositeSign() {
      assertThat(simplify("(-A - A')*x*x'*(A' + A) + (A + A')*x*x'*(-A' - A)")).isEqualTo("-2*(A + A')*x*x'*(A + A')");
      assertThat(simplify("(-A - B)*x + (A + B)*x")).isEqualTo("zeros(n, 1)");
    }

    @Test
    void collectLikeTerms_leavesSumFactorsAsWrittenWhereNothingCollects() {
      assertThat(simplify("(A' + A)*x + (-A - B)*y")).isEqualTo("(A' + A)*x + (-A - B)*y");
    }

    @Test
    void numberCommonToASumFactor_foldsWithTheCoefficientOnly() {
      assertThat(simplify("0.5*(2*A*x + 4*y)")).isEqualTo("A*x + 2*y");
      assertThat(simplify("c*(2*A' + 2*A)/(2*c)")).isEqualTo("A' + A");
      assertThat(simplify("A*(2*x + 2*y)")).isEqualTo("A*(2*x + 2*y)");
    }

    @Test
    void numbersBeyondTheDoubles_areLeftUnfolded() {
      assertThat(simplify("1e308*1e308*c")).isEqualTo("1e308*1e308*c");
      assertThat(simplify("1e308 + 1e308 + c")).isEqualTo("1e308 + 1e308 + c");
      assertThat(simplify("1e308*x + 1e308*x")).isEqualTo("1e308*x + 1e308*x");
    }

    @Test
    void cancellingTerms_leaveTheZeroOfTheirShape() {
      assertThat(simplify("x - x")).isEqualTo("zeros(n, 1)");
      assertThat(simplify("softmax(x - x)")).isEqualTo("softmax(zeros(n, 1))");
      assertThat(simplify("0*A")).isEqualTo("zeros(n, n)");
    }

    @Test
    void factorCommon_takesOutAFactorEveryTermShares() {
      assertThat(simplify("A*x + A'*x")).isEqualTo("(A + A')*x");
      assertThat(simplify("-2*X'*Y + 2*X'*X*C")).isEqualTo("2*X'*(X*C - Y)");
      assertThat(simplify("-2*X'*Y - 2*X'*X*C")).isEqualTo("-2*X'*(Y + X*C)");
    }

    @Test
    void factorCommon_leavesSumsWithoutACommonFactor() {
      assertThat(simplify("2*A*x + 2*c*y")).isEqualTo("2*A*x + 2*c*y");
    }

    @Test
    void positiveFirst_writesTheNegativeTermSecond() {
      assertThat(simplify("-y + x")).isEqualTo("x - y");
    }
  }

  @Nested
  class Products {

    @Test
    void foldNumbers_multipliesCoefficientsAndDropsOnes() {
      assertThat(simplify("2*3*A*1*x")).isEqualTo("6*A*x");
      assertThat(simplify("0*A*x + y")).isEqualTo("y");
    }

    @Test
    void scalarsFirst_movesScalarsToTheFrontAndReciprocalsToTheEnd() {
      assertThat(simplify("A*x*c")).isEqualTo("c*A*x");
      assertThat(simplify("x*norm(x)^-1")).isEqualTo("x/norm(x)");
    }

    @Test
    void combineScalarPowers_cancelsAScalarAgainstItsReciprocal() {
      assertThat(simplify("norm(x)*x/norm(x)")).isEqualTo("x");
      assertThat(simplify("c*c*x")).isEqualTo("c^2*x");
    }

    @Test
    void removeIdentity_dropsIdentityFromAChainButNotWhereItCarriesTheShape() {
      assertThat(simplify("A*I*x")).isEqualTo("A*x");
      assertThat(simplify("x'*y*I(n)")).isEqualTo("x'*y*I(n)");
    }

    @Test
    void cancelInverses_removesAMatrixNextToItsInverse() {
      assertThat(simplify("A*inv(A)*x")).isEqualTo("x");
    }

    @Test
    void orthogonalDeclaration_isUsedToCancelAndInvert() {
      assertThat(simplify("Q'*Q*x")).isEqualTo("x");
      assertThat(simplify("A*Q*Q'")).isEqualTo("A");
      assertThat(simplify("inv(Q)*x")).isEqualTo("Q'*x");
    }

    @Test
    void matrixPowerMinusOne_isTheInverse() {
      assertThat(simplify("A^-1*x")).isEqualTo("inv(A)*x");
    }
  }

  @Nested
  class Functions {

    @Test
    void simplifyTrace_usesLinearityAndTheScalarsOwnTrace() {
      assertThat(simplify("tr(2*A + B')")).isEqualTo("2*tr(A) + tr(B)");
      assertThat(simplify("tr(x'*A*x)")).isEqualTo("x'*A*x");
      assertThat(simplify("tr(kron(A, B))")).isEqualTo("tr(A)*tr(B)");
    }

    @Test
    void innerToProduct_writesVectorInnerProductsAsProducts() {
      assertThat(simplify("<x, y>")).isEqualTo("x'*y");
      assertThat(simplify("<A, B>")).isEqualTo("<A, B>");
    }

    @Test
    void recognizeSoftmax_makesOneSoftmaxForEachPowerOfTheDivisor() {
      assertThat(simplify("exp(x)*exp(x)'/sum(exp(x))^2")).isEqualTo("softmax(x)*softmax(x)'");
      assertThat(simplify("diag(exp(x))/sum(exp(x))")).isEqualTo("diag(softmax(x))");
      assertThat(simplify("exp(x)/sum(exp(x))^2")).isEqualTo("softmax(x)/sum(exp(x))");
    }

    @Test
    void recognizeSoftmax_leavesAHugePowerOfTheDivisorAsItIs() {
      assertThat(simplify("exp(x)*sum(exp(x))^-1e10")).isEqualTo("exp(x)/sum(exp(x))^10000000000");
    }

    @Test
    void recognizeSoftmax_findsExpOverTheSumOfExp() {
      assertThat(simplify("exp(x)/(ones'*exp(x))")).isEqualTo("softmax(x)");
      assertThat(simplify("exp(x)/sum(exp(x))")).isEqualTo("softmax(x)");
    }

    @Test
    void recognizeScalarSigmoid_findsExpOverOnePlusExpOfAScalar_inEachPower() {
      assertThat(simplify("exp(c)/(1 + exp(c))*x")).isEqualTo("sigmoid(c)*x");
      assertThat(simplify("exp(c)^2/(exp(c) + 1)^2*x")).isEqualTo("sigmoid(c)^2*x");
      assertThat(simplify("exp(c)/(1 + exp(c))^2*x")).isEqualTo("exp(c)*x/(exp(c) + 1)^2");
    }

    @Test
    void diagOfSum_joinsTheDiagsOfASumIntoOne() {
      assertThat(simplify("diag(x) - 2*diag(y) + A")).isEqualTo("diag(x - 2*y) + A");
      assertThat(simplify("X'*(diag(a) - diag(a .* a))*X")).isEqualTo("X'*diag(a - a .^ 2)*X");
    }

    @Test
    void factorCommonEntrywise_takesOutTheFactorsEveryTermShares_toTheirLeastPower() {
      assertThat(simplify("x .* y + x .* (A*x)")).isEqualTo("x .* (y + A*x)");
      // the second derivative of the logistic function, as the lecture writes it: σ(1 - σ)(1 - 2σ)
      assertThat(simplify("sigmoid(x) .* (ones - sigmoid(x)) .^ 2 - sigmoid(x) .^ 2 .* (ones - sigmoid(x))"))
          .isEqualTo("sigmoid(x) .* (ones - sigmoid(x)) .* (ones - 2*sigmoid(x))");
    }

    @Test
    void factorCommonEntrywise_leavesSumsWhereATermWouldKeepNothing() {
      assertThat(simplify("x .^ 2 - x .^ 3")).isEqualTo("x .^ 2 - x .^ 3");
      assertThat(simplify("x .* y + x")).isEqualTo("x .* y + x");
    }

    @Test
    void factorCommonEntrywise_takesAPowerItDoesNotCountAsOneFactor() {
      assertThat(simplify("x .^ 1e10 .* y - x .^ 1e10 .* (A*x)")).isEqualTo("x .^ 10000000000 .* (y - A*x)");
      assertThat(simplify("x .^ 0.5 .* y - x .^ 0.5 .* (A*x)")).isEqualTo("x .^ 0.5 .* (y - A*x)");
    }

    @Test
    void expandNumberWhenShorter_multipliesOutWhereTermsThenMeet() {
      assertThat(simplify("2*x + 2*(x - y)")).isEqualTo("4*x - 2*y");
      assertThat(simplify("2*(x + y) + x")).isEqualTo("3*x + 2*y");
      assertThat(simplify("-(x - y) + x")).isEqualTo("y");
    }

    @Test
    void expandNumberWhenShorter_leavesAFactoringThatNothingMeets() {
      assertThat(simplify("2*(x + y) + 2*A*x")).isEqualTo("2*(x + y) + 2*A*x");
      assertThat(simplify("0.5*(A + A') + B")).isEqualTo("0.5*(A + A') + B");
      assertThat(simplify("1e300*(1e300*x + y) + x")).isEqualTo("1e300*(1e300*x + y) + x");
    }

    @Test
    void diagTimesVector_isAnEntrywiseProduct_butDiagBeforeAMatrixStays() {
      assertThat(simplify("2*diag(x)*y")).isEqualTo("2*(x .* y)");
      assertThat(simplify("X'*diag(a)*X")).isEqualTo("X'*diag(a)*X");
    }

    @Test
    void onesInnerIsSum_cancelsTheVectorOnEitherSideOfTheInnerProduct() {
      assertThat(simplify("x'*(y .* x .^ -1)")).isEqualTo("sum(y)");
      assertThat(simplify("(y .* x .^ -1)'*x")).isEqualTo("sum(y)");
    }

    @Test
    void zerothElementPower_isAllOnes_whichTheOtherFactorsAbsorb() {
      assertThat(simplify("x .^ 0 .* y")).isEqualTo("y");
      assertThat(simplify("x .^ 0")).isEqualTo("ones(n)");
      assertThat(simplify("c .^ 0")).isEqualTo("1");
      assertThat(simplify("X .^ 0")).isEqualTo("ones(m)*ones(n)'");
    }

    @Test
    void combineElementPowers_addsTheExponentsOfOneBase() {
      assertThat(simplify("sqrt(x) .^ -2 .* sqrt(x) .^ -1")).isEqualTo("sqrt(x) .^ -3");
      assertThat(simplify("x .^ 2 .* y .* x .^ -3")).isEqualTo("y ./ x");
      assertThat(simplify("x .* x")).isEqualTo("x .^ 2");
    }

    @Test
    void simplifyHadamard_recognizesTheSigmoidAndCancelsReciprocals() {
      assertThat(simplify("exp(x) .* (ones + exp(x)) .^ -1")).isEqualTo("sigmoid(x)");
      assertThat(simplify("y .* x .* x .^ -1")).isEqualTo("y");
      assertThat(simplify("(2*x) .* y")).isEqualTo("2*(x .* y)");
    }

    @Test
    void onesInner_isTheSumOfEntries() {
      assertThat(simplify("ones'*y")).isEqualTo("sum(y)");
    }
  }

  @Nested
  class NormalForms {

    @Test
    void normalForm_isEqualForEquivalentArrangements() {
      assertThat(normalForm("(A + A')*x")).isEqualTo(normalForm("A'*x + A*x"));
      assertThat(normalForm("tr(A*B)")).isEqualTo(normalForm("tr(B*A)"));
      assertThat(normalForm("(x - y)'*A")).isEqualTo(normalForm("x'*A - y'*A"));
    }

    @Test
    void normalForm_isEqualWhateverTheOrderOfCommutingScalars() {
      assertThat(normalForm("(x'*A*x)*x/(x'*x)^2")).isEqualTo(normalForm("x/(x'*x)^2*(x'*A*x)"));
      assertThat(normalForm("tr(A)*(x'*y)*A*x")).isEqualTo(normalForm("(x'*y)*A*tr(A)*x"));
      assertThat(normalForm("A*x/tr(A)/(x'*y)")).isEqualTo(normalForm("A*x/(x'*y)/tr(A)"));
    }

    @Test
    void normalForm_differsForDifferentExpressions() {
      assertThat(normalForm("A*x")).isNotEqualTo(normalForm("A'*x"));
    }
  }

  /** Rules for the nodes beyond the six kinds. */
  @Nested
  class KroneckerVecAndPowers {

    private String simplifyWith(String text, String declarations) {
      Declarations d = Declarations.parse(declarations, Limits.DEFAULT);
      Expr e = Parser.parse(text, Limits.DEFAULT, Set.copyOf(d.all().stream().map(Declaration::name).toList())).expr();
      return TextPrinter.print(Simplifier.simplify(e, new Shapes(ShapeChecker.check(e, d).declarations())));
    }

    @Test
    void kron_takesScalarsOutAndTransposesFactorByFactor() {
      String d = "A: matrix m x n\nB: matrix p x q\nc: scalar";
      assertThat(simplifyWith("kron(c*A, 2*B)", d)).isEqualTo("2*c*kron(A, B)");
      assertThat(simplifyWith("kron(A, B)'", d)).isEqualTo("kron(A', B')");
      assertThat(simplifyWith("kron(c, B)", d)).isEqualTo("c*B");
      assertThat(simplifyWith("kron(I(m), I(n))", d)).isEqualTo("I(m*n)");
    }

    @Test
    void vec_ofAVectorIsTheVector() {
      String d = "x: vector n\nX: matrix m x n";
      assertThat(simplifyWith("vec(x)", d)).isEqualTo("x");
      assertThat(simplifyWith("vec(x')", d)).isEqualTo("x");
      assertThat(simplifyWith("vec(X)", d)).isEqualTo("vec(X)");
    }

    @Test
    void vec_takesScalarsOut() {
      String d = "X: matrix m x n\nc: scalar";
      assertThat(simplifyWith("vec(-X/norm(X)^3)", d)).isEqualTo("-vec(X)/norm(X)^3");
      assertThat(simplifyWith("0.5*vec(2*c*X)*vec(X)' + 0.5*vec(X)*vec(2*X*c)'", d)).isEqualTo("2*c*vec(X)*vec(X)'");
    }

    @Test
    void commutation_passesASumOfKroneckerProducts_whereItPassesEachTheSameWay() {
      String d = "A: matrix n x n\nB: matrix n x n";
      assertThat(simplifyWith("commutation(n, n)*(kron(A, B) - 2*kron(B', A))", d))
          .isEqualTo("(kron(B, A) - 2*kron(A, B'))*commutation(n, n)");
      assertThat(simplifyWith("(kron(A, B) + kron(B, A))*commutation(n, n) + commutation(n, n)*(kron(B, A) + kron(A, B))", d))
          .isEqualTo("2*(kron(A, B) + kron(B, A))*commutation(n, n)");
      // K(3, 2) passes kron(P, Q) as K(6, 2) and kron(R, S) as K(3, 4): the sum stays where it is
      String sizes = "P: matrix 2 x 2\nQ: matrix 3 x 6\nR: matrix 2 x 4\nS: matrix 3 x 3";
      assertThat(simplifyWith("commutation(3, 2)*(kron(P, Q) + kron(R, S))", sizes))
          .isEqualTo("commutation(3, 2)*(kron(P, Q) + kron(R, S))");
    }

    @Test
    void commutation_transposesToItsInverseAndCancels() {
      String d = "X: matrix m x n";
      assertThat(simplifyWith("commutation(m, n)'", d)).isEqualTo("commutation(n, m)");
      assertThat(simplifyWith("commutation(n, m)*commutation(m, n)*vec(X)", d)).isEqualTo("vec(X)");
      assertThat(simplifyWith("commutation(1, n)", d)).isEqualTo("I(n)");
    }

    @Test
    void symbolicPowers_combineWithTheirBase() {
      String d = "X: matrix n x n\nj: scalar";
      assertThat(simplifyWith("j*det(X)^(j - 1)*det(X)", d)).isEqualTo("j*det(X)^j");
      assertThat(simplifyWith("det(X)^(j - j + 2)", d)).isEqualTo("det(X)^2");
    }

    @Test
    void kron_distributesOverSumsInTheNormalForm() {
      Declarations d = Declarations.parse("A: matrix m x m\nB: matrix m x m", Limits.DEFAULT);
      Expr a = Parser.parse("kron(I(n), A + B)", Limits.DEFAULT, Set.of("A", "B")).expr();
      Expr b = Parser.parse("kron(I(n), B) + kron(I(n), A)", Limits.DEFAULT, Set.of("A", "B")).expr();
      Shapes shapes = new Shapes(ShapeChecker.check(a, d).declarations());
      assertThat(Simplifier.normalForm(a, shapes)).isEqualTo(Simplifier.normalForm(b, shapes));
    }
  }
}
