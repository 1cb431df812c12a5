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
