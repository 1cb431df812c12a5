package org.matrixcalculustutor.algebra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** How numbers and constants are printed, in the language and in LaTeX. */
class PrintersTest {

  private static Expr parse(String text) {
    return Parser.parse(text, Limits.DEFAULT, Set.of()).expr();
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
