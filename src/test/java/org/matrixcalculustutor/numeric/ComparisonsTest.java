package org.matrixcalculustutor.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Parser;
import org.matrixcalculustutor.algebra.Shapes;

/**
 * Comparisons that share their points and values find what a comparison of its own finds at the
 * same seed: the same verdicts, the same factor, the same symmetric reading, also when one side is
 * sized by its context, when a point is invalid for one side, and when the sizes are large; and
 * so do the gradings of a cached problem, whose points keep the values of its expected side.
 */
class ComparisonsTest {

  static final long SEED = 5L;
  static final String DECLARATIONS = "A: matrix n x n\nB: matrix m x n\nx: vector n\ny: vector m\nc: scalar\n"
      + "S: matrix n x n spd\nK: matrix 64 x 64\nz: vector 64";

  private static Expr parse(String text, Declarations d) {
    Set<String> names = d.all().stream().map(Declaration::name).collect(Collectors.toSet());
    return Parser.parse(text, Limits.DEFAULT, names).expr();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "(A + A')*x; A*x + A'*x",
      "2*A*x; A*x + A'*x",
      "x'*(A + A'); A*x + A'*x",
      "-(A + A')*x; A*x + A'*x",
      "3*B*x; B*x",
      "B'*y + x; B'*y",
      "ones'*x; sum(x)",
      "I*x; x",
      "A*x - A*x; 0",
      "ones; x",
      "0; A*x",
      "inv(A)*x; inv(A)*x",
      "inv(A - A)*x; x",
      "log(S)*x; S*x",
      "K*z; K'*z",
      "2*K*z; K*z + K'*z"})
  void comparisons_agreeWithComparisonsOfTheirOwn(String a, String b) {
    Declarations d = Declarations.parse(DECLARATIONS, Limits.DEFAULT);
    Expr ea = parse(a, d);
    Expr eb = parse(b, d);
    java.util.Map<Long, Points> kept = new java.util.HashMap<>();
    for (int round = 0; round < 4; round++) {
      // two rounds in one grading (the second reads what the first computed), then two gradings of
      // one cached problem whose points keep the values of eb, the expected side
      Comparisons shared = round < 2 ? ownGrading(d)
          : new Comparisons(new Shapes(d), SEED, seed -> kept.computeIfAbsent(seed, k -> new Points(d, k)), eb);
      boolean fits = shared.compatible(ea, eb);
      assertThat(shared.equal(ea, eb, 3)).isEqualTo(fits && ownEqual(ea, eb, d));
      assertThat(shared.equal(eb, ea, 3)).isEqualTo(fits && ownEqual(eb, ea, d));
      if (fits) {
        assertThat(factor(() -> shared.leastSquaresFactor(ea, eb)))
            .isEqualTo(factor(() -> NumericEquality.leastSquaresFactor(ea, eb, d, SEED)));
        assertThat(holds(() -> shared.equalWhenSymmetric(ea, eb, List.of("A"))))
            .isEqualTo(holds(() -> NumericEquality.equalWhenSymmetric(ea, eb, d, SEED, List.of("A"))));
      }
    }
  }

  private Comparisons grading;

  private Comparisons ownGrading(Declarations d) {
    if (grading == null) {
      grading = new Comparisons(d, new Shapes(d), SEED);
    }
    return grading;
  }

  private static boolean ownEqual(Expr a, Expr b, Declarations d) {
    return holds(() -> NumericEquality.equal(a, b, d, SEED, 3));
  }

  private static boolean holds(java.util.function.BooleanSupplier test) {
    try {
      return test.getAsBoolean();
    } catch (org.matrixcalculustutor.algebra.ExpressionException noValue) {
      return false;
    }
  }

  private static String factor(java.util.function.Supplier<Double> c) {
    try {
      Double value = c.get();
      return value == null ? "none" : String.format(java.util.Locale.ROOT, "%.9g", value);
    } catch (org.matrixcalculustutor.algebra.ExpressionException noValue) {
      return "no value";
    }
  }
}
