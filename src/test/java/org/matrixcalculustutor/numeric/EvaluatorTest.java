package org.matrixcalculustutor.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Parser;
import org.matrixcalculustutor.algebra.ShapeChecker;
import org.matrixcalculustutor.algebra.Size;

/**
 * Every node of the language evaluated on small hand-computed cases, with distinct non-square
 * sizes where the node allows them (A is 2 x 3, B is 3 x 4), and every way evaluation can fail.
 */
class EvaluatorTest {

  /** Hand-computed values are exact up to a few roundings. */
  static final double TOLERANCE = 1e-12;

  // A is 2 x 3, B is 3 x 4: A*B is 2 x 4, and B*A does not exist.
  static final SimpleMatrix A = matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});
  static final SimpleMatrix A2 = matrix(new double[][] {{2, 0, 1}, {1, 1, 0}});
  static final SimpleMatrix B = matrix(new double[][] {{1, 0, 2, 1}, {0, 1, 1, 0}, {1, 1, 0, 2}});
  /** det S = 1, S^-1 = [1, -1; -1, 2]. */
  static final SimpleMatrix S = matrix(new double[][] {{2, 1}, {1, 1}});
  /** tr M = 6, det M = 14. */
  static final SimpleMatrix M = matrix(new double[][] {{1, 2, 0}, {0, 3, 1}, {4, 0, 2}});
  /** det N = -2. */
  static final SimpleMatrix N = matrix(new double[][] {{1, 2}, {3, 4}});
  static final SimpleMatrix SINGULAR = matrix(new double[][] {{1, 2}, {2, 4}});
  static final SimpleMatrix X = column(1, 2);
  static final SimpleMatrix Y = column(3, 1);
  static final SimpleMatrix Z = column(3, 4, 0);

  static final Bindings VALUES = new Bindings(Map.ofEntries(
      Map.entry("A", A), Map.entry("A2", A2), Map.entry("B", B), Map.entry("S", S), Map.entry("M", M),
      Map.entry("N", N), Map.entry("Sing", SINGULAR), Map.entry("x", X), Map.entry("y", Y),
      Map.entry("z", Z), Map.entry("c", scalarValue(2)), Map.entry("dA", A2)),
      Map.of("m", 2, "n", 3, "p", 4));

  private static SimpleMatrix matrix(double[][] rows) {
    return new SimpleMatrix(rows);
  }

  private static SimpleMatrix column(double... entries) {
    SimpleMatrix m = new SimpleMatrix(entries.length, 1);
    for (int i = 0; i < entries.length; i++) {
      m.set(i, 0, entries[i]);
    }
    return m;
  }

  private static SimpleMatrix scalarValue(double value) {
    return matrix(new double[][] {{value}});
  }

  private static Expr sym(String name) {
    return new Expr.Symbol(name);
  }

  private static Expr num(double value) {
    return new Expr.Number(value);
  }

  /** Evaluates a tree that has no context-sized constant, with no Typing. */
  private static SimpleMatrix eval(Expr e) {
    return Evaluator.evaluate(e, null, VALUES);
  }

  /** Parses and shape-checks text against declarations, then evaluates it at VALUES. */
  private static SimpleMatrix eval(String text, String declarations) {
    Declarations d = Declarations.parse(declarations, Limits.DEFAULT);
    Set<String> names = d.all().stream().map(Declaration::name).collect(Collectors.toSet());
    Expr e = Parser.parse(text, Limits.DEFAULT, names).expr();
    return Evaluator.evaluate(e, ShapeChecker.check(e, d), VALUES);
  }

  private static void assertMatrix(SimpleMatrix actual, double[][] expected) {
    assertThat(actual.getNumRows()).as("rows").isEqualTo(expected.length);
    assertThat(actual.getNumCols()).as("columns").isEqualTo(expected[0].length);
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        assertThat(actual.get(i, j)).as("entry (%d, %d)", i + 1, j + 1).isCloseTo(expected[i][j], within(TOLERANCE));
      }
    }
  }

  private static void assertScalar(SimpleMatrix actual, double expected) {
    assertMatrix(actual, new double[][] {{expected}});
  }

  private static void assertFails(Expr e, String messagePart) {
    assertThatThrownBy(() -> eval(e)).isExactlyInstanceOf(ExpressionException.class)
        .hasMessageContaining(messagePart);
  }

  @Nested
  class Leaves {

    @Test
    void symbol_isItsBoundValue() {
      assertMatrix(eval(sym("A")), new double[][] {{1, 2, 3}, {4, 5, 6}});
    }

    @Test
    void number_isOneByOne() {
      assertScalar(eval(num(2.5)), 2.5);
    }

    @Test
    void sizedConstants_takeTheirSizesFromTheBindings() {
      assertMatrix(eval(new Expr.Identity(new Size.Named("n"))), new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
      assertMatrix(eval(new Expr.Ones(new Size.Fixed(2))), new double[][] {{1}, {1}});
      assertMatrix(eval(new Expr.Zeros(new Size.Named("m"), new Size.Named("p"))), new double[2][4]);
    }

    @Test
    void contextSizedIdentity_takesItsSizeFromTheTyping() {
      assertMatrix(eval("M + I", "M: matrix n x n"), new double[][] {{2, 2, 0}, {0, 4, 1}, {4, 0, 3}});
    }

    @Test
    void contextSizedOnes_takesItsSizeFromTheTyping() {
      assertScalar(eval("ones'*z", "z: vector n"), 7); // 3 + 4 + 0
    }

    @Test
    void contextSizedZeros_takesItsSizeFromTheTyping() {
      Declarations d = Declarations.parse("A: matrix m x n", Limits.DEFAULT);
      Expr e = new Expr.Sum(List.of(sym("A"), new Expr.Zeros(null, null)));
      assertMatrix(Evaluator.evaluate(e, ShapeChecker.check(e, d), VALUES), new double[][] {{1, 2, 3}, {4, 5, 6}});
    }

    @Test
    void differential_isTheDirectionBoundToDName() {
      assertMatrix(eval(new Expr.Differential(new Expr.Symbol("A"))), new double[][] {{2, 0, 1}, {1, 1, 0}});
    }
  }

  @Nested
  class SumsAndProducts {

    @Test
    void product_isTheMatrixProductOfNonSquareFactors() {
      assertMatrix(eval(new Expr.Product(List.of(sym("A"), sym("B")))),
          new double[][] {{4, 5, 4, 7}, {10, 11, 13, 16}});
    }

    @Test
    void product_multipliesByAScalarOnEitherSide() {
      double[][] twiceA = {{2, 4, 6}, {8, 10, 12}};
      assertMatrix(eval(new Expr.Product(List.of(sym("c"), sym("A")))), twiceA);
      assertMatrix(eval(new Expr.Product(List.of(sym("A"), sym("c")))), twiceA);
    }

    @Test
    void product_multipliesByAOneByOneFactorAsAScalar() {
      // x'*y is 1 x 1 (= 5), so x'*y*A is 5 A although 1 x 1 times 2 x 3 is no matrix product
      Expr e = new Expr.Product(List.of(new Expr.Transpose(sym("x")), sym("y"), sym("A")));
      assertMatrix(eval(e), new double[][] {{5, 10, 15}, {20, 25, 30}});
    }

    @Test
    void sum_addsEntries() {
      assertMatrix(eval(new Expr.Sum(List.of(sym("A"), sym("A2")))), new double[][] {{3, 2, 4}, {5, 6, 6}});
    }

    @Test
    void sum_addsAOneByOneToAOneByOne() {
      Expr xy = new Expr.Product(List.of(new Expr.Transpose(sym("x")), sym("y")));
      assertScalar(eval(new Expr.Sum(List.of(sym("c"), xy))), 7);
    }

    @Test
    void sum_countsANumberZeroAsZeroOfAnyShape() {
      assertMatrix(eval(new Expr.Sum(List.of(sym("A"), num(0)))), new double[][] {{1, 2, 3}, {4, 5, 6}});
    }

    @Test
    void differenceParsed_isASumWithANegatedTerm() {
      assertMatrix(eval("A - A2", "A, A2: matrix m x n"), new double[][] {{-1, 2, 2}, {3, 4, 6}});
    }
  }

  @Nested
  class Powers {

    @Test
    void scalarPower_isMathPow() {
      assertScalar(eval(new Expr.Power(sym("c"), 3)), 8);
      assertScalar(eval(new Expr.Power(sym("c"), -1)), 0.5);
      assertScalar(eval(new Expr.Power(sym("c"), 0.5)), Math.sqrt(2));
    }

    @Test
    void matrixPower_isARepeatedProduct() {
      assertMatrix(eval(new Expr.Power(sym("S"), 2)), new double[][] {{5, 3}, {3, 2}});
      assertMatrix(eval(new Expr.Power(sym("M"), 3)), toArray(M.mult(M).mult(M)));
    }

    @Test
    void matrixPowerZero_isTheIdentity() {
      assertMatrix(eval(new Expr.Power(sym("S"), 0)), new double[][] {{1, 0}, {0, 1}});
    }

    @Test
    void negativeMatrixPower_isAPowerOfTheInverse() {
      assertMatrix(eval(new Expr.Power(sym("S"), -1)), new double[][] {{1, -1}, {-1, 2}});
      assertMatrix(eval(new Expr.Power(sym("S"), -2)), new double[][] {{2, -3}, {-3, 5}});
    }

    @Test
    void elementPower_raisesEveryEntry() {
      assertMatrix(eval(new Expr.ElementPower(sym("A"), 2)), new double[][] {{1, 4, 9}, {16, 25, 36}});
    }

    @Test
    void matrixPower_ofANonSquareMatrixFails() {
      assertFails(new Expr.Power(sym("A"), 2), "square");
    }

    @Test
    void fractionalMatrixPower_fails() {
      assertFails(new Expr.Power(sym("S"), 0.5), "fractional");
    }

    private static double[][] toArray(SimpleMatrix m) {
      double[][] rows = new double[m.getNumRows()][m.getNumCols()];
      for (int i = 0; i < rows.length; i++) {
        for (int j = 0; j < rows[i].length; j++) {
          rows[i][j] = m.get(i, j);
        }
      }
      return rows;
    }
  }

  @Nested
  class MatrixFunctions {

    @Test
    void transpose_swapsRowsAndColumns() {
      assertMatrix(eval(new Expr.Transpose(sym("A"))), new double[][] {{1, 4}, {2, 5}, {3, 6}});
    }

    @Test
    void inverse_isTheInverse() {
      assertMatrix(eval(new Expr.Inverse(sym("S"))), new double[][] {{1, -1}, {-1, 2}});
    }

    @Test
    void inverse_ofAScalarIsItsReciprocal() {
      assertScalar(eval(new Expr.Inverse(sym("c"))), 0.5);
    }

    @Test
    void trace_sumsTheDiagonal() {
      assertScalar(eval(new Expr.Trace(sym("M"))), 6);
    }

    @Test
    void det_isTheDeterminant() {
      assertScalar(eval(new Expr.Det(sym("M"))), 14);
      assertScalar(eval(new Expr.Det(sym("N"))), -2);
    }

    @Test
    void logDet_isTheLogOfTheAbsoluteDeterminant() {
      assertScalar(eval(new Expr.LogDet(sym("M"))), Math.log(14));
      assertScalar(eval(new Expr.LogDet(sym("N"))), Math.log(2)); // det N = -2
    }

    @Test
    void norm_isEuclideanForAVectorAndFrobeniusForAMatrix() {
      assertScalar(eval(new Expr.Norm(sym("z"))), 5);
      assertScalar(eval(new Expr.Norm(sym("A"))), Math.sqrt(91));
    }

    @Test
    void sumAll_addsEveryEntry() {
      assertScalar(eval(new Expr.SumAll(sym("A"))), 21);
    }

    @Test
    void diag_ofAVectorIsADiagonalMatrix() {
      assertMatrix(eval(new Expr.Diag(sym("z"))), new double[][] {{3, 0, 0}, {0, 4, 0}, {0, 0, 0}});
    }

    @Test
    void diag_ofASquareMatrixIsItsDiagonalAsAColumn() {
      assertMatrix(eval(new Expr.Diag(sym("M"))), new double[][] {{1}, {3}, {2}});
    }

    @Test
    void diag_ofANonSquareMatrixFails() {
      assertFails(new Expr.Diag(sym("A")), "square");
    }

    @Test
    void softmax_isExpOverItsSum() {
      Bindings b = VALUES.with("v", column(0, Math.log(3)));
      assertMatrix(Evaluator.evaluate(new Expr.Softmax(sym("v")), null, b), new double[][] {{0.25}, {0.75}});
    }

    @Test
    void softmax_staysFiniteForLargeEntries() {
      Bindings b = VALUES.with("v", column(1000, 1000 + Math.log(3)));
      assertMatrix(Evaluator.evaluate(new Expr.Softmax(sym("v")), null, b), new double[][] {{0.25}, {0.75}});
    }

    @Test
    void logSumExp_isTheLogOfTheSumOfExps() {
      Bindings b = VALUES.with("v", column(0, Math.log(3)));
      assertScalar(Evaluator.evaluate(new Expr.LogSumExp(sym("v")), null, b), Math.log(4));
    }

    @Test
    void logSumExp_staysFiniteForLargeEntries() {
      Bindings b = VALUES.with("v", column(1000, 1000, 1000));
      assertThat(Evaluator.evaluate(new Expr.LogSumExp(sym("v")), null, b).get(0))
          .isCloseTo(1000 + Math.log(3), within(1e-9));
    }

    @Test
    void kron_placesEachEntryTimesTheRightFactor() {
      Bindings b = VALUES.with("u", matrix(new double[][] {{1, 2}}))
          .with("K", matrix(new double[][] {{0, 1}, {1, 0}, {2, 2}}));
      assertMatrix(Evaluator.evaluate(new Expr.Kron(sym("u"), sym("K")), null, b),
          new double[][] {{0, 1, 0, 2}, {1, 0, 2, 0}, {2, 2, 4, 4}});
    }

    @Test
    void vec_stacksTheColumns() {
      assertMatrix(eval(new Expr.Vec(sym("A"))), new double[][] {{1}, {4}, {2}, {5}, {3}, {6}});
    }
  }

  @Nested
  class EntryWise {

    @ParameterizedTest(name = "{0}({1}) = {2}")
    @CsvSource({
        "EXP, 1, 2.718281828459045",
        "LOG, 2.718281828459045, 1",
        "SIN, 0.5235987755982988, 0.5",
        "COS, 1.0471975511965976, 0.5",
        "TAN, 0.7853981633974483, 1",
        "TANH, 0.5493061443340549, 0.5",
        "SIGMOID, 0, 0.5",
        "SQRT, 6.25, 2.5",
        "ABS, -3, 3"
    })
    void apply_computesTheFunctionOfEveryEntry(Expr.Function function, double entry, double expected) {
      // the function of each entry of a 2 x 1 vector: (f(a), f(0.5)); entries kept apart
      Bindings b = VALUES.with("v", column(entry, 0.5));
      SimpleMatrix value = Evaluator.evaluate(new Expr.Apply(function, sym("v")), null, b);
      double ofHalf = switch (function) {
        case EXP -> Math.exp(0.5);
        case LOG -> Math.log(0.5);
        case SIN -> Math.sin(0.5);
        case COS -> Math.cos(0.5);
        case TAN -> Math.tan(0.5);
        case TANH -> Math.tanh(0.5);
        case SIGMOID -> 1 / (1 + Math.exp(-0.5));
        case SQRT -> Math.sqrt(0.5);
        case ABS -> 0.5;
      };
      assertMatrix(value, new double[][] {{expected}, {ofHalf}});
    }

    @Test
    void hadamard_multipliesEntries() {
      assertMatrix(eval(new Expr.Hadamard(List.of(sym("A"), sym("A2")))), new double[][] {{2, 0, 3}, {4, 5, 0}});
    }

    @Test
    void hadamardQuotient_dividesEntries() {
      Bindings b = VALUES.with("D", matrix(new double[][] {{1, 2, 3}, {2, 5, 3}}));
      assertMatrix(Evaluator.evaluate(new Expr.HadamardQuotient(sym("A"), sym("D")), null, b),
          new double[][] {{1, 1, 1}, {2, 1, 2}});
    }

    @Test
    void inner_sumsTheProductsOfEntries() {
      assertScalar(eval(new Expr.Inner(sym("A"), sym("A2"))), 14); // 2 + 0 + 3 + 4 + 5 + 0
      assertScalar(eval(new Expr.Inner(sym("x"), sym("y"))), 5);
    }
  }

  @Nested
  class MatrixLiterals {

    @Test
    void literal_ofScalarsIsAMatrix() {
      Expr e = new Expr.MatrixLiteral(List.of(List.of(num(1), sym("c")), List.of(num(3), num(4))));
      assertMatrix(eval(e), new double[][] {{1, 2}, {3, 4}});
    }

    @Test
    void literal_concatenatesBlocksSideBySide() {
      Expr e = new Expr.MatrixLiteral(List.of(List.of(sym("A"), sym("x"))));
      assertMatrix(eval(e), new double[][] {{1, 2, 3, 1}, {4, 5, 6, 2}});
    }

    @Test
    void literal_stacksBlockRows() {
      Expr e = new Expr.MatrixLiteral(List.of(List.of(sym("A")), List.of(sym("A2"))));
      assertMatrix(eval(e), new double[][] {{1, 2, 3}, {4, 5, 6}, {2, 0, 1}, {1, 1, 0}});
    }

    @Test
    void literal_withBlocksOfDifferentHeightsInARowFails() {
      assertFails(new Expr.MatrixLiteral(List.of(List.of(sym("A"), sym("z")))), "different heights");
    }

    @Test
    void literal_withRowsOfDifferentWidthsFails() {
      assertFails(new Expr.MatrixLiteral(List.of(List.of(num(1), num(2)), List.of(num(3)))), "wide");
    }
  }

  @Nested
  class Errors {

    @Test
    void matrixBeyondTheEntriesLimit_isRefusedBeforeItIsAllocated() {
      Bindings big = VALUES.with("G", new SimpleMatrix(64, 64));
      Expr kron = new Expr.Kron(sym("G"), sym("G"));
      assertThatThrownBy(() -> Evaluator.evaluate(kron, null, big)).isExactlyInstanceOf(ExpressionException.class)
          .hasMessageContaining("kron(G, G) is 4096 x 4096 here, more than the 1,000,000 entries the tutor evaluates");
    }

    @Test
    void inverse_ofASingularMatrixFails() {
      assertFails(new Expr.Inverse(sym("Sing")), "inv(...) of a singular matrix");
    }

    @Test
    void negativePower_ofASingularMatrixFails() {
      assertFails(new Expr.Power(sym("Sing"), -1), "singular");
    }

    @Test
    void inverse_ofAMatrixBeyondTheConditionLimitFails() {
      double tiny = 1 / (10 * Evaluator.MAX_CONDITION);
      Bindings b = VALUES.with("E", matrix(new double[][] {{1, 0}, {0, tiny}}));
      assertThatThrownBy(() -> Evaluator.evaluate(new Expr.Inverse(sym("E")), null, b))
          .isExactlyInstanceOf(ExpressionException.class).hasMessageContaining("singular");
    }

    @Test
    void inverse_ofZeroFails() {
      assertFails(new Expr.Inverse(num(0)), "division by zero");
    }

    @Test
    void logDet_ofASingularMatrixFails() {
      assertFails(new Expr.LogDet(sym("Sing")), "logdet(...) of a singular matrix");
    }

    @Test
    void log_ofANonPositiveEntryFails() {
      assertFails(new Expr.Apply(Expr.Function.LOG, sym("z")), "log of a non-positive entry");
    }

    @Test
    void sqrt_ofANegativeEntryFails() {
      assertFails(new Expr.Apply(Expr.Function.SQRT, new Expr.Product(List.of(num(-1), sym("x")))), "sqrt");
    }

    @Test
    void overflow_isANonFiniteValue() {
      assertFails(new Expr.Apply(Expr.Function.EXP, num(1000)), "no finite value");
    }

    @Test
    void zeroToANegativePower_isANonFiniteValue() {
      assertFails(new Expr.Power(num(0), -1), "no finite value");
    }

    @Test
    void entryWiseDivisionByZero_isANonFiniteValue() {
      Expr e = new Expr.HadamardQuotient(sym("x"), new Expr.Sum(List.of(sym("x"), new Expr.Product(List.of(num(-1),
          sym("x"))))));
      assertFails(e, "no finite value");
    }

    @Test
    void product_ofMismatchedShapesFails() {
      assertFails(new Expr.Product(List.of(sym("A"), sym("A2"))), "cannot multiply 2 x 3 by 2 x 3");
    }

    @Test
    void sum_ofMismatchedShapesFails() {
      assertFails(new Expr.Sum(List.of(sym("A"), new Expr.Transpose(sym("A")))), "a sum of 2 x 3 and 3 x 2");
    }

    @Test
    void sum_ofAScalarAndAMatrixFails() {
      assertFails(new Expr.Sum(List.of(sym("c"), sym("A"))), "a sum of 1 x 1 and 2 x 3");
    }

    @Test
    void inner_ofMismatchedShapesFails() {
      assertFails(new Expr.Inner(sym("A"), new Expr.Transpose(sym("A"))), "an inner product");
    }

    @Test
    void entryWiseProduct_ofMismatchedShapesFails() {
      assertFails(new Expr.Hadamard(List.of(sym("x"), sym("z"))), "an entry-wise product");
    }

    @Test
    void trace_ofANonSquareMatrixFails() {
      assertFails(new Expr.Trace(sym("A")), "needs a square matrix, not 2 x 3");
    }

    @Test
    void det_ofANonSquareMatrixFails() {
      assertFails(new Expr.Det(sym("A")), "needs a square matrix");
    }

    @Test
    void softmax_ofAMatrixFails() {
      assertFails(new Expr.Softmax(sym("A")), "takes a vector");
    }

    @Test
    void unboundSymbol_fails() {
      assertFails(sym("W"), "no value for the symbol W");
    }

    @Test
    void contextSizedConstant_withoutATypingFails() {
      assertFails(new Expr.Identity(null), "not known here");
    }

    @Test
    void unboundSizeName_fails() {
      assertFails(new Expr.Identity(new Size.Named("q")), "no value for the size q");
    }

    /**
     * Every unary node and every binary node over operands of clashing shapes, singular, huge or
     * not-a-number values: evaluation gives a value or an ExpressionException, never anything else.
     */
    @Test
    void anyNodeOnAnyOperands_givesAValueOrAnExpressionException() {
      List<UnaryOperator<Expr>> unary = new ArrayList<>(List.of(Expr.Transpose::new, Expr.Inverse::new,
          Expr.Trace::new, Expr.Det::new, Expr.LogDet::new, Expr.Norm::new, Expr.SumAll::new, Expr.Diag::new,
          Expr.Softmax::new, Expr.LogSumExp::new, Expr.Vec::new, e -> new Expr.Power(e, 2),
          e -> new Expr.Power(e, -3), e -> new Expr.Power(e, 0.5), e -> new Expr.ElementPower(e, -0.5)));
      for (Expr.Function function : Expr.Function.values()) {
        unary.add(e -> new Expr.Apply(function, e));
      }
      List<BiFunction<Expr, Expr, Expr>> binary = List.of((a, b) -> new Expr.Sum(List.of(a, b)),
          (a, b) -> new Expr.Product(List.of(a, b)), (a, b) -> new Expr.Hadamard(List.of(a, b)),
          Expr.HadamardQuotient::new, Expr.Inner::new, Expr.Kron::new,
          (a, b) -> new Expr.MatrixLiteral(List.of(List.of(a, b))),
          (a, b) -> new Expr.MatrixLiteral(List.of(List.of(a), List.of(b))));
      Bindings b = VALUES.with("H", matrix(new double[][] {{1e308, 1e308}, {-1e308, 1e308}}))
          .with("Nan", matrix(new double[][] {{Double.NaN, 1}, {1, 1}}))
          .with("Zero", new SimpleMatrix(2, 2));
      List<Expr> operands = List.of(sym("c"), sym("x"), sym("z"), sym("A"), sym("B"), sym("S"), sym("Sing"),
          sym("H"), sym("Nan"), sym("Zero"), new Expr.Transpose(sym("z")));
      int values = 0;
      int errors = 0;
      for (Expr a : operands) {
        for (UnaryOperator<Expr> node : unary) {
          if (evaluatesOrFailsCleanly(node.apply(a), b)) {
            values++;
          } else {
            errors++;
          }
        }
        for (Expr c : operands) {
          for (BiFunction<Expr, Expr, Expr> node : binary) {
            if (evaluatesOrFailsCleanly(node.apply(a, c), b)) {
              values++;
            } else {
              errors++;
            }
          }
        }
      }
      assertThat(values).isPositive();
      assertThat(errors).isPositive();
    }

    /** True for a finite value, false for an ExpressionException; any other exception fails the test. */
    private static boolean evaluatesOrFailsCleanly(Expr e, Bindings b) {
      try {
        SimpleMatrix value = Evaluator.evaluate(e, null, b);
        for (int i = 0; i < value.getNumElements(); i++) {
          assertThat(Double.isFinite(value.get(i))).as("finite entries of %s", e).isTrue();
        }
        return true;
      } catch (ExpressionException expected) {
        assertThat(expected.getMessage()).isNotBlank();
        return false;
      }
    }
  }

  /** The nodes beyond the six kinds: commutation(m, n) and a scalar to a symbolic power. */
  @Nested
  class BeyondTheSixKinds {

    @Test
    void commutation_turnsVecOfAIntoVecOfItsTranspose() {
      // A is 2 x 3 (m = 2, n = 3): K(2, 3) vec(A) = vec(A')
      SimpleMatrix k = eval("commutation(m, n)", "");
      assertThat(k.getNumRows()).isEqualTo(6);
      assertMatrix(k.mult(eval("vec(A)", "A: matrix m x n")), new double[][] {{1}, {2}, {3}, {4}, {5}, {6}});
      assertMatrix(eval("vec(A')", "A: matrix m x n"), new double[][] {{1}, {2}, {3}, {4}, {5}, {6}});
      assertMatrix(eval("vec(A)", "A: matrix m x n"), new double[][] {{1}, {4}, {2}, {5}, {3}, {6}});
    }

    @Test
    void commutationOfSixtyFourBySixtyFour_isRefusedBeforeItIsAllocated() {
      assertThatThrownBy(() -> eval("commutation(64, 64)", "")).isExactlyInstanceOf(ExpressionException.class)
          .hasMessageContaining("4096 x 4096").hasMessageContaining("1,000,000");
    }

    @Test
    void diagOfALongVector_isRefusedBeforeItIsAllocated() {
      assertThatThrownBy(() -> eval("diag(ones(64*64))", "")).isExactlyInstanceOf(ExpressionException.class)
          .hasMessageContaining("1,000,000");
    }

    @Test
    void symbolicPower_isThePowerOfTheValues() {
      assertScalar(eval("c^c", "c: scalar"), 4);
      assertScalar(eval("2^(x'*y)", "x: vector m\ny: vector m"), Math.pow(2, 5));
      assertFails(new Expr.ScalarPower(num(-1), num(0.5)), "no finite value");
    }
  }
}
