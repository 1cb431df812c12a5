package org.matrixcalculustutor.algebra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Printing then re-parsing gives an equal expression, for many generated expressions. */
class TextPrinterPropertyTest {

  private static final int GENERATED_PER_SEED = 200;
  private static final int MAX_DEPTH = 5;

  @RepeatedTest(10)
  void printThenParse_givesAnEqualExpression(RepetitionInfo info) {
    Random random = new Random(1_000L + info.getCurrentRepetition());
    for (int i = 0; i < GENERATED_PER_SEED; i++) {
      // the generator builds raw trees; the parser's reading of their text is the canonical tree
      Expr raw = generate(random, MAX_DEPTH);
      Expr e = Parser.parse(TextPrinter.print(raw), Limits.DEFAULT);
      String text = TextPrinter.print(e);
      assertThat(Parser.parse(text, Limits.DEFAULT)).as(text).isEqualTo(e);
    }
  }

  /** The nodes beyond the six kinds (symbolic powers, commutation matrices, vec) inside generated trees. */
  @RepeatedTest(5)
  void printThenParse_givesAnEqualExpressionWithPowersCommutationsAndVec(RepetitionInfo info) {
    Random random = new Random(2_000L + info.getCurrentRepetition());
    for (int i = 0; i < GENERATED_PER_SEED; i++) {
      Expr a = generate(random, 3);
      Expr b = generate(random, 3);
      Expr raw = switch (random.nextInt(4)) {
        case 0 -> new Expr.ScalarPower(a, b instanceof Expr.Number ? new Expr.Symbol("c") : b);
        case 1 -> new Expr.Product(List.of(new Expr.Commutation(new Size.Named("m"),
            new Size.Fixed(1 + random.nextInt(4))), new Expr.Vec(a)));
        case 2 -> new Expr.Kron(new Expr.Identity(new Size.Named("m*n")), new Expr.ScalarPower(new Expr.Number(2), b));
        default -> new Expr.Sum(List.of(new Expr.Vec(a), new Expr.ScalarPower(new Expr.Symbol("x"), a)));
      };
      Expr e = Parser.parse(TextPrinter.print(raw), Limits.DEFAULT);
      String text = TextPrinter.print(e);
      assertThat(Parser.parse(text, Limits.DEFAULT)).as(text).isEqualTo(e);
    }
  }

  @Test
  void printThenParse_keepsSimplifiedResults() {
    Typing typing = ShapeChecker.check(Parser.parse("x'*A*x + b'*x", Limits.DEFAULT), Declarations.NONE);
    Expr e = Simplifier.simplify(Parser.parse("-2*(A + A')*x/3 - b", Limits.DEFAULT), typing);
    assertThat(Parser.parse(TextPrinter.print(e), Limits.DEFAULT)).isEqualTo(e);
  }

  private static Expr generate(Random r, int depth) {
    if (depth == 0 || r.nextInt(4) == 0) {
      return switch (r.nextInt(6)) {
        case 0 -> new Expr.Number(r.nextInt(7) - 3);
        case 1 -> new Expr.Number(r.nextInt(100) / 8.0);
        case 2 -> new Expr.Identity(null);
        default -> new Expr.Symbol(List.of("A", "B", "x", "y", "Sigma", "w1").get(r.nextInt(6)));
      };
    }
    Expr a = generate(r, depth - 1);
    Expr b = generate(r, depth - 1);
    return switch (r.nextInt(16)) {
      case 0 -> new Expr.Sum(List.of(a, b));
      case 1 -> new Expr.Sum(List.of(a, Exprs.negate(b)));
      case 2, 3 -> new Expr.Product(List.of(a, b));
      case 4 -> new Expr.Hadamard(List.of(a, b));
      case 5 -> new Expr.HadamardQuotient(a, b);
      case 6 -> new Expr.Transpose(a);
      case 7 -> new Expr.Power(a, r.nextInt(5) - 2);
      case 8 -> new Expr.ElementPower(a, 2);
      case 9 -> Exprs.negate(a);
      case 10 -> new Expr.Trace(a);
      case 11 -> new Expr.Inner(a, b);
      case 12 -> new Expr.Apply(Expr.Function.values()[r.nextInt(Expr.Function.values().length)], a);
      case 13 -> new Expr.Product(List.of(a, new Expr.Power(b, -1)));
      case 14 -> new Expr.MatrixLiteral(List.of(new ArrayList<>(List.of(a, b)), List.of(b, a)));
      default -> new Expr.Kron(a, b);
    };
  }
}
