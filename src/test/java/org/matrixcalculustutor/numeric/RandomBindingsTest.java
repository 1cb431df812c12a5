package org.matrixcalculustutor.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Limits;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.Size;

/** Random points: distinct sizes, values that keep every declared promise, reproducible from a seed. */
class RandomBindingsTest {

  /** Identities such as Q'Q = I hold up to rounding. */
  static final double TOLERANCE = 1e-12;
  /** Each property is checked at this many seeded draws. */
  static final int DRAWS = 25;

  static IntStream seeds() {
    return IntStream.range(0, DRAWS);
  }

  private static Declarations declarations(String text) {
    return Declarations.parse(text, Limits.DEFAULT);
  }

  private static Bindings draw(String declarations, long seed) {
    return RandomBindings.draw(declarations(declarations), new Random(seed));
  }

  private static void assertSymmetric(SimpleMatrix m) {
    assertThat(m.minus(m.transpose()).elementMaxAbs()).isLessThan(TOLERANCE);
  }

  private static void assertEntriesWithin(SimpleMatrix m, double low, double high) {
    for (int i = 0; i < m.getNumElements(); i++) {
      assertThat(m.get(i)).isBetween(low, high);
    }
  }

  @Nested
  class Sizes {

    @ParameterizedTest
    @MethodSource("org.matrixcalculustutor.numeric.RandomBindingsTest#seeds")
    void sixSizeNames_getSixDistinctSizesFromTwoToSeven(int seed) {
      Bindings b = draw("A: matrix m x n\nB: matrix n x p\nC: matrix p x q\nx: vector r\ny: vector s", seed);
      Set<Integer> sizes = new HashSet<>(b.sizes().values());
      assertThat(sizes).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7);
      assertThat(b.value("A").getNumRows()).isEqualTo(b.sizes().get("m"));
      assertThat(b.value("A").getNumCols()).isEqualTo(b.sizes().get("n"));
      assertThat(b.value("x").getNumCols()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("org.matrixcalculustutor.numeric.RandomBindingsTest#seeds")
    void sizeNames_avoidTheWholeNumberSizesDeclared(int seed) {
      Bindings b = draw("A: matrix 3 x n\nB: matrix n x m\nv: vector 5", seed);
      assertThat(b.sizes().get("n")).isNotIn(3, 5).isNotEqualTo(b.sizes().get("m"));
      assertThat(b.sizes().get("m")).isNotIn(3, 5).isBetween(RandomBindings.SMALLEST_SIZE, RandomBindings.LARGEST_SIZE);
      assertThat(b.value("A").getNumRows()).isEqualTo(3);
      assertThat(b.value("v").getNumRows()).isEqualTo(5);
    }

    @ParameterizedTest
    @MethodSource("org.matrixcalculustutor.numeric.RandomBindingsTest#seeds")
    void fixedSizes_areKeptAndTheOthersAvoidThem(int seed) {
      Bindings b = RandomBindings.draw(declarations("X: matrix r x q\nw: vector k"), new Random(seed), Map.of("q", 4));
      assertThat(b.sizes().get("q")).isEqualTo(4);
      assertThat(b.value("X").getNumCols()).isEqualTo(4);
      assertThat(b.sizes().get("r")).isNotEqualTo(4).isNotEqualTo(b.sizes().get("k"));
      assertThat(b.sizes().get("k")).isNotEqualTo(4);
    }

    @ParameterizedTest
    @MethodSource("org.matrixcalculustutor.numeric.RandomBindingsTest#seeds")
    void moreNamesThanSizes_stillGetSizesFromTwoToSeven(int seed) {
      Bindings b = draw("A: matrix a x b\nB: matrix c x d\nC: matrix e x f\nv: vector g", seed);
      assertThat(b.sizes()).hasSize(7);
      assertThat(b.sizes().values()).allSatisfy(
          n -> assertThat(n).isBetween(RandomBindings.SMALLEST_SIZE, RandomBindings.LARGEST_SIZE));
    }

    @Test
    void productSize_isTheProductOfItsFactors() {
      Size m = new Size.Named("m");
      Size n = new Size.Named("n");
      Declarations d = Declarations.of(List.of(new Declaration("A", new Shape(m, n), Set.of()),
          new Declaration("v", Shape.vector(new Size.Named("m*n")), Set.of())));
      Bindings b = RandomBindings.draw(d, new Random(3));
      assertThat(b.sizes()).containsOnlyKeys("m", "n");
      assertThat(b.value("v").getNumRows()).isEqualTo(b.sizes().get("m") * b.sizes().get("n"));
    }

    @Test
    void sameSeed_drawsTheSamePoint() {
      String text = "A: matrix m x n spd\nB: matrix n x p\nx: vector p positive\nt: scalar";
      Bindings first = draw(text.replace("m x n", "n x n"), 42);
      Bindings second = draw(text.replace("m x n", "n x n"), 42);
      assertThat(second.sizes()).isEqualTo(first.sizes());
      for (String name : List.of("A", "B", "x", "t")) {
        assertThat(second.value(name).isIdentical(first.value(name), 0)).as(name).isTrue();
      }
    }
  }

  @Nested
  class Values {

    @ParameterizedTest
    @MethodSource("org.matrixcalculustutor.numeric.RandomBindingsTest#seeds")
    void scalars_areBetweenHalfAndOneAndAHalf(int seed) {
      SimpleMatrix t = draw("t: scalar", seed).value("t");
      assertThat(t.getNumElements()).isEqualTo(1);
      assertThat(t.get(0)).isBetween(RandomBindings.SCALAR_LOW, RandomBindings.SCALAR_HIGH);
    }

    @ParameterizedTest
    @MethodSource("org.matrixcalculustutor.numeric.RandomBindingsTest#seeds")
    void plainEntries_areBetweenMinusOneAndOne(int seed) {
      Bindings b = draw("A: matrix m x n\nx: vector k", seed);
      assertEntriesWithin(b.value("A"), -1, 1);
      assertEntriesWithin(b.value("x"), -1, 1);
    }

    @ParameterizedTest
    @MethodSource("org.matrixcalculustutor.numeric.RandomBindingsTest#seeds")
    void positive_entriesAreBetweenHalfAndTwo(int seed) {
      Bindings b = draw("P: matrix m x n positive\nx: vector k positive", seed);
      assertEntriesWithin(b.value("P"), RandomBindings.POSITIVE_LOW, RandomBindings.POSITIVE_HIGH);
      assertEntriesWithin(b.value("x"), RandomBindings.POSITIVE_LOW, RandomBindings.POSITIVE_HIGH);
    }

    @ParameterizedTest
    @MethodSource("org.matrixcalculustutor.numeric.RandomBindingsTest#seeds")
    void symmetric_equalsItsTranspose(int seed) {
      assertSymmetric(draw("S: matrix n x n symmetric", seed).value("S"));
    }

    @ParameterizedTest
    @MethodSource("org.matrixcalculustutor.numeric.RandomBindingsTest#seeds")
    void spd_isSymmetricPositiveDefiniteAndWellConditioned(int seed) {
      SimpleMatrix s = draw("S: matrix n x n spd", seed).value("S");
      assertSymmetric(s);
      assertThat(DecompositionFactory_DDRM.chol(s.getNumRows(), true).decompose(s.copy().getDDRM()))
          .as("Cholesky factor exists").isTrue();
      assertThat(s.conditionP2()).isLessThan(RandomBindings.WELL_CONDITIONED);
    }

    @ParameterizedTest
    @MethodSource("org.matrixcalculustutor.numeric.RandomBindingsTest#seeds")
    void invertible_isWellConditioned(int seed) {
      Bindings b = draw("G: matrix n x n invertible\nH: matrix k x k symmetric invertible\n"
          + "P: matrix m x m positive invertible", seed);
      assertThat(b.value("G").conditionP2()).isLessThan(RandomBindings.WELL_CONDITIONED);
      assertThat(b.value("H").conditionP2()).isLessThan(RandomBindings.WELL_CONDITIONED);
      assertSymmetric(b.value("H"));
      assertThat(b.value("P").conditionP2()).isLessThan(RandomBindings.WELL_CONDITIONED);
      assertEntriesWithin(b.value("P"), 0, Double.MAX_VALUE);
    }

    @ParameterizedTest
    @MethodSource("org.matrixcalculustutor.numeric.RandomBindingsTest#seeds")
    void diagonal_isZeroOffTheDiagonalAndInvertible(int seed) {
      Bindings b = draw("D: matrix n x n diagonal\nE: matrix k x k diagonal spd", seed);
      SimpleMatrix d = b.value("D");
      SimpleMatrix e = b.value("E");
      for (SimpleMatrix m : List.of(d, e)) {
        for (int i = 0; i < m.getNumRows(); i++) {
          for (int j = 0; j < m.getNumCols(); j++) {
            if (i == j) {
              assertThat(Math.abs(m.get(i, i))).isBetween(RandomBindings.POSITIVE_LOW, RandomBindings.POSITIVE_HIGH);
            } else {
              assertThat(m.get(i, j)).isZero();
            }
          }
        }
      }
      for (int i = 0; i < e.getNumRows(); i++) {
        assertThat(e.get(i, i)).as("an spd diagonal is positive").isPositive();
      }
    }

    @ParameterizedTest
    @MethodSource("org.matrixcalculustutor.numeric.RandomBindingsTest#seeds")
    void orthogonal_hasOrthonormalColumns(int seed) {
      Bindings b = draw("Q: matrix n x n orthogonal\nR: matrix k x k orthogonal symmetric", seed);
      for (String name : List.of("Q", "R")) {
        SimpleMatrix q = b.value(name);
        SimpleMatrix gram = q.transpose().mult(q); // Q'Q
        assertThat(gram.minus(SimpleMatrix.identity(q.getNumRows())).elementMaxAbs()).as(name).isLessThan(TOLERANCE);
      }
      assertSymmetric(b.value("R"));
    }

    @Test
    void orthogonal_isNotAlwaysTheIdentity() {
      SimpleMatrix q = draw("Q: matrix n x n orthogonal", 1).value("Q");
      assertThat(q.minus(SimpleMatrix.identity(q.getNumRows())).elementMaxAbs()).isGreaterThan(0.1);
    }
  }

  @Nested
  class Directions {

    @ParameterizedTest
    @MethodSource("org.matrixcalculustutor.numeric.RandomBindingsTest#seeds")
    void direction_keepsTheStructureTheVariablePromises(int seed) {
      Declarations d = declarations("S: matrix n x n spd\nD: matrix k x k diagonal\nQ: matrix m x m orthogonal");
      Random random = new Random(seed);
      Bindings b = RandomBindings.draw(d, random);
      assertSymmetric(RandomBindings.direction(d.get("S").orElseThrow(), b.value("S"), random));
      SimpleMatrix dd = RandomBindings.direction(d.get("D").orElseThrow(), b.value("D"), random);
      assertThat(dd.minus(SimpleMatrix.diag(diagonal(dd))).elementMaxAbs()).isZero();
      SimpleMatrix q = b.value("Q");
      SimpleMatrix v = RandomBindings.direction(d.get("Q").orElseThrow(), q, random);
      SimpleMatrix tangent = q.transpose().mult(v).plus(v.transpose().mult(q)); // Q'V + V'Q = 0
      assertThat(tangent.elementMaxAbs()).isLessThan(TOLERANCE);
      assertThat(v.elementMaxAbs()).isPositive();
    }

    private static double[] diagonal(SimpleMatrix m) {
      double[] d = new double[m.getNumRows()];
      for (int i = 0; i < d.length; i++) {
        d[i] = m.get(i, i);
      }
      return d;
    }
  }
}
