package org.matrixcalculustutor.algebra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** How numbers and constants are printed, in the language and in LaTeX. */
class PrintersTest {

  private static Expr parse(String text) {
    return Parser.parse(text, Limits.DEFAULT, Set.of()).expr();
  }

  /** A student's 1/2*A*x is typeset as a half of A x, not as (1 A x)/2; a lone 1 stays. */
  @Test
  void aFactorOneAsTyped_isNotTypesetBesideOtherFactors() {
    Set<String> declared = Set.of("A", "x", "Sigma");
    assertThat(LatexPrinter.print(Parser.parse("1/2*A*x", Limits.DEFAULT, declared).expr())).isEqualTo("\\frac{A x}{2}");
    assertThat(LatexPrinter.print(Parser.parse("1*x", Limits.DEFAULT, declared).expr())).isEqualTo("x");
    assertThat(LatexPrinter.print(Parser.parse("1*1", Limits.DEFAULT, declared).expr())).isEqualTo("1 \\cdot 1");
    assertThat(LatexPrinter.print(Parser.parse("1/2", Limits.DEFAULT, declared).expr())).isEqualTo("\\frac{1}{2}");
  }

  /** A name in another script keeps its letters in TeX: é once typeset as an empty \\mathit{}, and x and xа alike. */
  @Test
  void namesInAnyScript_keepTheirLettersInTex() {
    assertThat(LatexPrinter.print(Parser.parse("é'*é", Limits.DEFAULT))).isEqualTo("\\mathit{é}^{\\top} \\mathit{é}");
    assertThat(LatexPrinter.print(Parser.parse("xа", Limits.DEFAULT, Set.of("xа")).expr())).isEqualTo("\\mathit{xа}");
    assertThat(LatexPrinter.print(Parser.parse("变量", Limits.DEFAULT, Set.of("变量")).expr())).isEqualTo("\\mathit{变量}");
    assertThat(LatexPrinter.print(Parser.parse("w_1", Limits.DEFAULT))).isEqualTo("w_{1}");
  }

  @Test
  void numbers_printAsAPersonWritesThem() {
    assertThat(TextPrinter.print(parse("2.5*x"))).isEqualTo("2.5*x");
    assertThat(TextPrinter.print(parse("1e308*x"))).isEqualTo("1e308*x");
    assertThat(TextPrinter.print(parse("1.5e-7*x"))).isEqualTo("1.5e-7*x");
    assertThat(TextPrinter.print(parse("pi*x"))).isEqualTo("pi*x");
  }

  @Test
  void sizedConstants_keepWholeNumberSizesWhole() {
    assertThat(LatexPrinter.print(parse("ones(64)"))).isEqualTo("\\mathbf{1}_{64}");
    assertThat(LatexPrinter.print(parse("I(n)"))).isEqualTo("I_{n}");
  }

  @Test
  void aMatrixInverseInAProduct_printsAsAProductWhileAScalarDivisorIsAFraction() {
    Set<String> declared = Set.of("A", "X", "x", "c");
    Expr product = Parser.parse("A*X^-1", Limits.DEFAULT, declared).expr();
    assertThat(TextPrinter.print(product)).isEqualTo("A*X^-1");
    assertThat(LatexPrinter.print(product)).isEqualTo("A X^{-1}");
    Expr quotient = Parser.parse("x/c", Limits.DEFAULT, declared).expr();
    assertThat(TextPrinter.print(quotient)).isEqualTo("x/c");
    assertThat(LatexPrinter.print(quotient)).isEqualTo("\\frac{x}{c}");
    assertThat(LatexPrinter.print(Parser.parse("x/tr(X)", Limits.DEFAULT, declared).expr()))
        .isEqualTo("\\frac{x}{\\operatorname{tr}\\left(X\\right)}");
    assertThat(LatexPrinter.print(Parser.parse("(X^-1)'", Limits.DEFAULT, declared).expr())).isEqualTo("X^{-\\top}");
  }

  @Test
  void aDivisorTheDeclarationsMakeAScalar_printsAsADivisionAndAMatrixOneDoesNot() {
    Declarations declared = Declarations.parse("x: vector n\nA: matrix n x n\nX: matrix n x n", Limits.DEFAULT);
    Expr byScalar = parse("(x'*x)^-2*(A*x + x)");
    assertThat(TextPrinter.print(byScalar)).isEqualTo("(x'*x)^-2*(A*x + x)");
    assertThat(TextPrinter.print(byScalar, declared)).isEqualTo("(A*x + x)/(x'*x)^2");
    assertThat(LatexPrinter.print(byScalar, declared))
        .isEqualTo("\\frac{A x + x}{\\left(x^{\\top} x\\right)^{2}}");
    assertThat(LatexPrinter.print(parse("0.5*A*x*(x'*x)^-1"), declared))
        .isEqualTo("\\frac{A x}{2 x^{\\top} x}");
    assertThat(TextPrinter.print(parse("0.5*A*x*(x'*x)^-1"), declared)).isEqualTo("A*x/(2*x'*x)");
    assertThat(TextPrinter.print(parse("-0.6666666666666666*x*(x'*x)^-1"), declared)).isEqualTo("-2*x/(3*x'*x)");
    Expr byMatrix = parse("A*(X'*X)^-1");
    assertThat(TextPrinter.print(byMatrix, declared)).isEqualTo("A*(X'*X)^-1");
    assertThat(LatexPrinter.print(byMatrix, declared)).isEqualTo("A \\left(X^{\\top} X\\right)^{-1}");
  }

  /** An entry-wise reciprocal beside other factors is written as a division, x ./ u, as a teacher writes it. */
  @Test
  void entrywiseReciprocalBesideOtherFactors_isWrittenAsADivision() {
    Expr quotient = parse("u .^ -1 .* x .* y");
    assertThat(TextPrinter.print(quotient)).isEqualTo("x .* y ./ u");
    assertThat(LatexPrinter.print(quotient)).isEqualTo("x \\odot y \\oslash u");
    assertThat(TextPrinter.print(parse("x .* (2*u) .^ -1"))).isEqualTo("x ./ (2*u)");
    // with nothing else above the line the powers stay
    assertThat(TextPrinter.print(parse("x .^ -1 .* y .^ -1"))).isEqualTo("x .^ -1 .* y .^ -1");
  }

  /** -(y .* z) is written -y .* z, as (-y) .* z has the same entries; a first factor that needs them keeps its parentheses. */
  @Test
  void negatedEntrywiseProduct_putsTheMinusOnItsFirstFactor() {
    Expr negated = parse("-(y .* (X*w))");
    assertThat(TextPrinter.print(negated)).isEqualTo("-y .* (X*w)");
    assertThat(LatexPrinter.print(negated)).isEqualTo("-y \\odot \\left(X w\\right)");
    assertThat(TextPrinter.print(parse("-((X*w) .* y)"))).isEqualTo("-(X*w) .* y");
    assertThat(TextPrinter.print(parse("2 - y .* y"))).isEqualTo("2 - y .* y");
    // as a student types it, (-y) .* (X*w) is typeset the same way
    assertThat(LatexPrinter.print(parse("(-y) .* (X*w)"))).isEqualTo("-y \\odot \\left(X w\\right)");
  }

  /** The fraction bar groups what stands above it: one product there gets no parentheses of its own. */
  @Test
  void oneProductAboveTheLine_isTypesetWithoutParentheses() {
    Declarations declared = Declarations.parse("x: vector n\ny: vector n\nA: matrix n x n", Limits.DEFAULT);
    Expr nested = new Expr.Product(java.util.List.of(parse("x'*A*y"), parse("(x'*x)^-1")));
    assertThat(LatexPrinter.print(nested, declared)).isEqualTo("\\frac{x^{\\top} A y}{x^{\\top} x}");
    // two factors above it stay apart as before: the scalar in parentheses beside the vector
    assertThat(LatexPrinter.print(parse("(x'*A*x)*x*(x'*x)^-2"), declared))
        .isEqualTo("\\frac{\\left(x^{\\top} A x\\right) x}{\\left(x^{\\top} x\\right)^{2}}");
  }

  @Test
  void declarations_areTypesetAsMembershipOfARealSpace() {
    Declarations d = Declarations.parse("A: matrix p x m\nx: vector n\nlambda: scalar\nS: matrix n x n spd", Limits.DEFAULT);
    assertThat(d.all().stream().map(LatexPrinter::declaration).toList()).containsExactly(
        "A \\in \\mathbb{R}^{p \\times m}", "x \\in \\mathbb{R}^{n}", "\\lambda \\in \\mathbb{R}",
        "S \\in \\mathbb{R}^{n \\times n}");
    assertThat(Property.SPD.words()).isEqualTo("symmetric positive definite");
    assertThat(Property.POSITIVE.words()).isEqualTo("with positive entries");
    assertThat(Property.ORTHOGONAL.words()).isEqualTo("orthogonal");
  }

  @Test
  void theDifferentialOfAFunction_needsNoExtraParentheses() {
    Expr.Symbol part = new Expr.Symbol("part0");
    Expr differential = new Expr.Differential(part);
    assertThat(LatexPrinter.print(differential, java.util.Map.of(part, parse("tr(X)"))))
        .isEqualTo("\\mathrm{d}\\operatorname{tr}\\left(X\\right)");
    assertThat(LatexPrinter.print(differential, java.util.Map.of(part, parse("X*Y"))))
        .isEqualTo("\\mathrm{d}\\left(X Y\\right)");
  }

  @Test
  void aDifferentialFactor_isSetOffFromTheFactorAfterIt() {
    Expr dt = new Expr.Differential(new Expr.Symbol("t"));
    Expr dX = new Expr.Differential(new Expr.Symbol("X"));
    assertThat(LatexPrinter.print(new Expr.Product(java.util.List.of(dt, parse("b")))))
        .isEqualTo("\\mathrm{d}t\\, b"); // not "dt b", read as one word
    assertThat(LatexPrinter.print(new Expr.Product(java.util.List.of(parse("A"), dX, parse("B")))))
        .isEqualTo("A \\mathrm{d}X\\, B");
  }

  @Test
  void largeAndSmallNumbers_useAPowerOfTenInLatex() {
    assertThat(LatexPrinter.print(parse("1e308*x"))).isEqualTo("1 \\times 10^{308} x");
    assertThat(LatexPrinter.print(parse("1.5e-7*x"))).isEqualTo("1.5 \\times 10^{-7} x");
  }

  @Test
  void commutationAndProductSizes_printInTextAndLatex() {
    assertThat(TextPrinter.print(parse("commutation(m, n)"))).isEqualTo("commutation(m, n)");
    assertThat(LatexPrinter.print(parse("commutation(m, n)"))).isEqualTo("\\mathbf{K}_{m,n}");
    assertThat(TextPrinter.print(parse("I(m*n)"))).isEqualTo("I(m*n)");
    assertThat(LatexPrinter.print(parse("I(m*n)"))).isEqualTo("I_{m n}");
  }

  @Test
  void kroneckerProductInsideAProduct_isParenthesisedInLatex() {
    assertThat(LatexPrinter.print(parse("kron(A, B)*C"))).isEqualTo("\\left(A \\otimes B\\right) C");
    assertThat(LatexPrinter.print(parse("kron(A, B) + C"))).isEqualTo("A \\otimes B + C");
  }

  @Test
  void symbolicPowers_printTheirExponent() {
    assertThat(TextPrinter.print(parse("det(X)^j"))).isEqualTo("det(X)^j");
    assertThat(TextPrinter.print(parse("2^(a'*x)"))).isEqualTo("2^(a'*x)");
    assertThat(LatexPrinter.print(parse("2^(a'*x)"))).isEqualTo("2^{a^{\\top} x}");
  }
}
