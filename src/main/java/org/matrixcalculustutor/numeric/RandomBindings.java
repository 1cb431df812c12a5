package org.matrixcalculustutor.numeric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.ejml.simple.SimpleMatrix;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Property;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.Size;

/**
 * Random values for every declared symbol, from a seeded Random: each size name gets its own
 * size from 2..7, all distinct where there are few enough names, so that a transposition error
 * cannot hide in a square case; values respect the declared properties.
 */
public final class RandomBindings {

  static final int SMALLEST_SIZE = 2;
  static final int LARGEST_SIZE = 7;
  /** Condition number beyond which a drawn invertible matrix is drawn again. */
  static final double WELL_CONDITIONED = 1e3;

  private RandomBindings() {}

  public static Bindings draw(Declarations declarations, Random random) {
    return draw(declarations, random, Map.of());
  }

  /** Draws values; sizes already named in fixed keep their value. */
  public static Bindings draw(Declarations declarations, Random random, Map<String, Integer> fixed) {
    Map<String, Integer> sizes = new HashMap<>(fixed);
    Set<String> names = new LinkedHashSet<>();
    for (Declaration d : declarations.all()) {
      for (Size s : List.of(d.shape().rows(), d.shape().cols())) {
        if (s instanceof Size.Named n && !sizes.containsKey(n.name())) {
          names.add(n.name());
        }
      }
    }
    List<Integer> pool = new ArrayList<>();
    for (int n = SMALLEST_SIZE; n <= LARGEST_SIZE; n++) {
      if (!sizes.containsValue(n)) {
        pool.add(n);
      }
    }
    Collections.shuffle(pool, random);
    int next = 0;
    for (String name : names) {
      sizes.put(name, next < pool.size() ? pool.get(next++)
          : SMALLEST_SIZE + random.nextInt(LARGEST_SIZE - SMALLEST_SIZE + 1));
    }
    Bindings sized = new Bindings(Map.of(), sizes);
    Map<String, SimpleMatrix> values = new HashMap<>();
    for (Declaration d : declarations.all()) {
      values.put(d.name(), value(d, sized, random));
    }
    return new Bindings(values, sizes);
  }

  private static SimpleMatrix value(Declaration d, Bindings sized, Random random) {
    Shape shape = d.shape();
    int rows = sized.size(shape.rows());
    int cols = sized.size(shape.cols());
    if (shape.isScalar()) {
      return new SimpleMatrix(new double[][] {{uniform(random, 0.5, 1.5)}});
    }
    if (d.has(Property.SPD)) {
      SimpleMatrix b = uniform(random, rows, rows, -1, 1);
      return b.mult(b.transpose()).plus(SimpleMatrix.identity(rows)); // B B' + I
    }
    if (d.has(Property.DIAGONAL)) {
      SimpleMatrix diagonal = new SimpleMatrix(rows, rows);
      for (int i = 0; i < rows; i++) {
        diagonal.set(i, i, uniform(random, 0.5, 2) * (random.nextBoolean() ? 1 : -1));
      }
      return diagonal;
    }
    if (d.has(Property.ORTHOGONAL)) {
      return orthogonal(rows, random);
    }
    if (d.has(Property.SYMMETRIC)) {
      SimpleMatrix b = uniform(random, rows, rows, -1, 1);
      SimpleMatrix s = b.plus(b.transpose()).divide(2); // (B + B') / 2
      return d.has(Property.INVERTIBLE) ? wellConditioned(s, random) : s;
    }
    if (d.has(Property.POSITIVE)) {
      return uniform(random, rows, cols, 0.5, 2);
    }
    SimpleMatrix m = uniform(random, rows, cols, -1, 1);
    return d.has(Property.INVERTIBLE) ? wellConditioned(m, random) : m;
  }

  /** m shifted along the diagonal until its condition number is moderate. */
  private static SimpleMatrix wellConditioned(SimpleMatrix m, Random random) {
    SimpleMatrix shifted = m;
    double shift = 1 + random.nextDouble();
    while (!(shifted.conditionP2() < WELL_CONDITIONED)) {
      shifted = m.plus(SimpleMatrix.identity(m.getNumRows()).scale(shift)); // M + s I
      shift *= 2;
    }
    return shifted;
  }

  /** Gram-Schmidt on the columns of a random matrix: Q with Q'Q = I. */
  private static SimpleMatrix orthogonal(int n, Random random) {
    SimpleMatrix a = uniform(random, n, n, -1, 1);
    SimpleMatrix q = new SimpleMatrix(n, n);
    for (int j = 0; j < n; j++) {
      SimpleMatrix v = a.extractVector(false, j);
      for (int k = 0; k < j; k++) {
        SimpleMatrix qk = q.extractVector(false, k);
        v = v.minus(qk.scale(qk.dot(v))); // v - (q_k . v) q_k
      }
      q.insertIntoThis(0, j, v.divide(v.normF()));
    }
    return q;
  }

  static SimpleMatrix uniform(Random random, int rows, int cols, double low, double high) {
    SimpleMatrix m = new SimpleMatrix(rows, cols);
    for (int i = 0; i < m.getNumElements(); i++) {
      m.set(i, uniform(random, low, high));
    }
    return m;
  }

  private static double uniform(Random random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }
}
