package org.matrixcalculustutor.algebra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParserTest {

  private static Expr parse(String text) {
    return Parser.parse(text, Limits.DEFAULT);
  }

  static Stream<Arguments> parseCases() {
    return LanguageCases.read("/language/parse.cases", "=>", 2).stream().map(c -> Arguments.of(c[0], c[1]));
  }

  static Stream<Arguments> errorCases() {
    return LanguageCases.read("/language/errors.cases", "|", 3).stream()
        .map(c -> Arguments.of(c[0], Integer.parseInt(c[1]), c[2]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parseCases")
  void parse_readsEveryFormOfTheLanguage(String input, String printed) {
    Expr e = parse(input);
    assertThat(TextPrinter.print(e)).isEqualTo(printed);
    assertThat(parse(printed)).isEqualTo(e);
  }

  static final Set<String> DECLARED = Set.of("A", "B", "S", "x", "y", "u", "Sigma");

  static Stream<Arguments> habitCases() {
    return LanguageCases.read("/language/habits.cases", "=>", 2).stream().map(c -> Arguments.of(c[0], c[1]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("habitCases")
  void parse_readsStudentsHabitsAsMeant(String input, String printed) {
    Expr e = Parser.parse(input, Limits.DEFAULT, DECLARED).expr();
    assertThat(TextPrinter.print(e)).isEqualTo(printed);
    assertThat(Parser.parse(printed, Limits.DEFAULT, DECLARED).expr()).isEqualTo(e);
  }

  @Nested
  class SymbolsWrittenTogether {

    private Parser.Result parse(String text) {
      return Parser.parse(text, Limits.DEFAULT, DECLARED);
    }

    @Test
    void anUndeclaredNameThatSpellsSymbols_isTheirProductAndSaysSo() {
      assertThat(parse("2Sx").readings()).containsExactly("\"Sx\" read as S x");
      assertThat(parse("xTSx").readings()).containsExactly("\"xTSx\" read as x' S x");
      assertThat(parse("x^TAx").readings()).containsExactly("\"^TAx\" read as ^T A x");
      assertThat(parse("x^Ty").readings()).containsExactly("\"^Ty\" read as ^T y");
      assertThat(parse("S*x").readings()).isEmpty();
    }

    @Test
    void thePiecesKeepTheirPlaceInTheSource() {
      Parser.Result r = parse("2Sx");
      Expr.Product p = (Expr.Product) r.expr();
      assertThat(r.spans().get(p.factors().get(1))).isEqualTo(new Span(1, 2));
      assertThat(r.spans().get(p.factors().get(2))).isEqualTo(new Span(2, 3));
    }

    @Test
    void theFewestPiecesWin() {
      Set<String> declared = Set.of("a", "ab", "b");
      assertThat(TextPrinter.print(Parser.parse("abb", Limits.DEFAULT, declared).expr())).isEqualTo("ab*b");
    }

    @Test
    void withoutDeclarationsOrForNamesThatDoNotSplit_aNameStaysAName() {
      assertThat(Parser.parse("Sx", Limits.DEFAULT, Set.of()).expr()).isEqualTo(new Expr.Symbol("Sx"));
      assertThat(parse("Sq").expr()).isEqualTo(new Expr.Symbol("Sq"));
      assertThat(parse("tr(S)").expr()).isEqualTo(new Expr.Trace(new Expr.Symbol("S")));
      assertThat(parse("Sigma").expr()).isEqualTo(new Expr.Symbol("Sigma"));
    }

    @Test
    void aDeclaredT_isASymbolNotATranspose() {
      Set<String> declared = Set.of("x", "T");
      assertThat(TextPrinter.print(Parser.parse("xTx", Limits.DEFAULT, declared).expr())).isEqualTo("x*T*x");
    }
  }

  @Nested
  class Advice {

    private String message(String text) {
      try {
        Parser.parse(text, Limits.DEFAULT, DECLARED);
      } catch (ExpressionException e) {
        return e.getMessage();
      }
      throw new AssertionError(text + " was read");
    }

    @Test
    void unreadableHabits_areNamedWithTheirFix() {
      assertThat(message("|x|")).contains("det(X)").contains("abs(x)").contains("norm(x)");
      assertThat(message("e^x")).contains("exp(x)");
      assertThat(message("x^*y")).contains("after '^'").contains("a transpose is x' or x^T");
      // x^k itself is read (a power with a symbolic exponent); a vector x is a shape error that says so
      assertThatThrownBy(() -> new org.matrixcalculustutor.engine.Engine(Limits.DEFAULT).analyze("x^k", "x: vector n"))
          .hasMessageContaining("a transpose is written x' or x^T");
      assertThat(message("$x$")).contains("leave them out");
      assertThat(message("\\sum x")).contains("LaTeX").contains("syntax help");
      assertThat(message("\ud835\udc31")).contains("styled letter").contains("plain x");
      assertThat(message("x = y")).contains("right-hand side");
      assertThat(message("A ⊗ B")).contains("kron(A, B)");
      assertThat(message("x _2")).contains("part of a name");
      assertThat(message("K(m, n)")).contains("typed commutation(m, n)"); // as K_{m,n} is typeset
    }

    /** Names from other notations, called as functions: read as a symbol times (...) they would be silently wrong. */
    @Test
    void aFunctionTheLanguageSpellsOtherwise_isNamedWithHowToWriteIt() {
      assertThat(message("transpose(x)")).contains("write A' or A^T");
      assertThat(message("inverse(x)")).contains("inv(A)");
      assertThat(message("ln(x)")).startsWith("unknown function 'ln' at 1: write log(...)");
      assertThat(message("Tr(x*x')")).contains("write tr(...)");
      assertThat(message("sech(x)")).contains("1 - tanh(u)^2");
      // a near spelling is suggested, a word that differs from the start is not (rank is not tanh)
      assertThat(message("trc(x)")).contains("did you mean tr?");
      assertThat(message("rank(x)")).isEqualTo("unknown function 'rank' at 1");
    }

    @Test
    void invisibleAndHalfCharacters_areNamedByTheirCode() {
      assertThat(message("x\u0000")).contains("U+0000");
      assertThat(message("x\ud800")).contains("U+D800");
      assertThat(message("x\u200b")).contains("U+200B");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorCases")
  void parse_reportsPositionAndProblemOfBadInput(String input, int position, String words) {
    assertThatThrownBy(() -> ShapeChecker.check(parse(input), Declarations.NONE))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining(words)
        .satisfies(e -> assertThat(((ExpressionException) e).position()).isEqualTo(position));
  }

  @Nested
  class Precedence {

    @Test
    void product_isLeftAssociativeWithHadamardAtTheSameLevel() {
      Expr e = parse("A*x .* y");
      assertThat(e).isInstanceOf(Expr.Hadamard.class);
      assertThat(((Expr.Hadamard) e).factors().get(0)).isInstanceOf(Expr.Product.class);
    }

    @Test
    void negation_isTheFactorMinusOne() {
      assertThat(parse("-x")).isEqualTo(new Expr.Product(List.of(new Expr.Number(-1), new Expr.Symbol("x"))));
      assertThat(parse("-2")).isEqualTo(new Expr.Number(-2));
    }

    @Test
    void division_isMultiplicationByTheReciprocal() {
      assertThat(parse("a/c")).isEqualTo(new Expr.Product(List.of(
          new Expr.Symbol("a"), new Expr.Power(new Expr.Symbol("c"), -1))));
    }

    @Test
    void caretT_isTransposeUnlessTIsDeclared() {
      assertThat(parse("A^T")).isEqualTo(new Expr.Transpose(new Expr.Symbol("A")));
      // a declared T is a symbol, so A^T is a power with a symbolic exponent (a shape error for a matrix A)
      assertThat(Parser.parse("A^T", Limits.DEFAULT, Set.of("T")).expr())
          .isEqualTo(new Expr.ScalarPower(new Expr.Symbol("A"), new Expr.Symbol("T")));
    }

    @Test
    void parenthesizedChain_staysOneFactor() {
      Expr e = parse("(a*b)*c");
      assertThat(((Expr.Product) e).factors()).hasSize(2);
    }

    @Test
    void declaredName_isASymbolEvenBeforeParenthesis() {
      Expr e = Parser.parse("I*x", Limits.DEFAULT, Set.of("I")).expr();
      assertThat(((Expr.Product) e).factors().get(0)).isEqualTo(new Expr.Symbol("I"));
    }
  }

  @Nested
  class InputLimits {

    @Test
    void parse_rejectsInputLongerThanTheLimit() {
      String huge = "x+".repeat(500_000) + "x";
      assertThatThrownBy(() -> parse(huge)).isInstanceOf(ExpressionException.class)
          .hasMessageContaining("the limit is " + org.matrixcalculustutor.algebra.Limits.MAX_INPUT_LENGTH);
    }

    @Test
    void parse_rejectsNestingDeeperThanTheLimitWithoutOverflowingTheStack() {
      var limits = new org.matrixcalculustutor.algebra.Limits(100_000, 64, 64);
      String deep = "(".repeat(10_000) + "x" + ")".repeat(10_000);
      assertThatThrownBy(() -> Parser.parse(deep, limits)).isInstanceOf(ExpressionException.class)
          .hasMessageContaining("nests deeper than 64");
      String minus = "-".repeat(10_000) + "x";
      assertThatThrownBy(() -> Parser.parse(minus, limits)).isInstanceOf(ExpressionException.class)
          .hasMessageContaining("nests deeper");
    }

    @Test
    void parse_countsPostfixOperatorsAsNestingWithoutOverflowingTheStack() {
      var limits = new org.matrixcalculustutor.algebra.Limits(100_000, 64, 64);
      for (String chain : List.of("x" + "'".repeat(10_000), "X" + ".T".repeat(10_000), "X" + "^2".repeat(10_000),
          "x" + " .^ 2".repeat(10_000), "X" + "^T".repeat(10_000))) {
        assertThatThrownBy(() -> Parser.parse(chain, limits)).as(chain.substring(0, 12))
            .isInstanceOf(ExpressionException.class).hasMessageContaining("nests deeper than 64");
      }
      assertThat(parse("x" + "'".repeat(64))).isInstanceOf(Expr.Transpose.class);
    }

    @Test
    void parse_acceptsNestingUpToTheLimit() {
      String deep = "(".repeat(60) + "x" + ")".repeat(60);
      assertThat(parse(deep)).isEqualTo(new Expr.Symbol("x"));
    }

    @Test
    void matrixLiteral_largerThanTheLimitIsRejected() {
      var limits = new org.matrixcalculustutor.algebra.Limits(10_000, 64, 3);
      assertThatThrownBy(() -> Parser.parse("[1, 2, 3, 4]", limits))
          .isInstanceOf(ExpressionException.class).hasMessageContaining("larger than 3 x 3");
    }

    @Test
    void emptyInput_isAnErrorAtTheStart() {
      assertThatThrownBy(() -> parse("   ")).isInstanceOf(ExpressionException.class)
          .hasMessageContaining("empty");
    }
  }
}
