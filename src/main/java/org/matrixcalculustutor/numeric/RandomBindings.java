package org.matrixcalculustutor.numeric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Property;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.Size;

/**
 * Random values for every declared symbol, from a seeded Random. Each size name gets its own size
 * from 2..7, all distinct (and distinct from the whole-number sizes the declarations use) where
 * there are few enough names, so that a transposition error cannot hide in a square case. Values
 * respect the declared properties:
 *
 * <ul>
 *   <li>scalar: uniform in [0.5, 1.5];
 *   <li>plain entries: uniform in [-1, 1]; positive entries: uniform in [0.5, 2];
 *   <li>symmetric: (B + B') / 2; spd: B B' + I; diagonal: entries of size 0.5..2 on the diagonal;
 *   <li>orthogonal: Q of the QR decomposition of a random matrix (a Householder reflection when
 *       also symmetric);
 *   <li>invertible: shifted by a multiple of I until well conditioned (1-norm condition below 1,000).
 * </ul>
 */
public final class RandomBindings {

  static final int SMALLEST_SIZE = 2;
  static final int LARGEST_SIZE = 7;
  static final double SCALAR_LOW = 0.5;
  static final double SCALAR_HIGH = 1.5;
  static final double ENTRY_LOW = -1;
  static final double ENTRY_HIGH = 1;
  static final double POSITIVE_LOW = 0.5;
  static final double POSITIVE_HIGH = 2;
  /**
   * Condition number (1-norm, ||M|| ||M^-1||) below which a drawn invertible matrix is accepted. The
   * 1-norm is within a factor n of the 2-norm and comes from one LU inverse, where the 2-norm takes
   * an SVD: for a derivative of det X, that SVD was 40% of its finite-difference check.
   */
  static final double WELL_CONDITIONED = 1e3;

  private RandomBindings() {}

  public static Bindings draw(Declarations declarations, Random random) {
    return draw(declarations, random, Map.of());
  }

  /**
   * Draws values; the size names in fixed keep the given size, the others get sizes distinct from
   * those and from each other where there are few enough.
   */
  public static Bindings draw(Declarations declarations, Random random, Map<String, Integer> fixed) {
    Map<String, Integer> sizes = new HashMap<>(fixed);
    Set<String> names = new LinkedHashSet<>();
    Set<Integer> taken = new LinkedHashSet<>(fixed.values());
    for (Declaration d : declarations.all()) {
      collectSizes(d.shape().rows(), sizes, names, taken);
      collectSizes(d.shape().cols(), sizes, names, taken);
    }
    List<Integer> pool = new ArrayList<>();
    for (int n = SMALLEST_SIZE; n <= LARGEST_SIZE; n++) {
      if (!taken.contains(n)) {
        pool.add(n);
      }
    }
    Collections.shuffle(pool, random);
    int next = 0;
    for (String name : names) {
      sizes.put(name, next < pool.size() ? pool.get(next++) : uniformSize(random));
    }
    Bindings sized = new Bindings(Map.of(), sizes); // copies sizes once; the values share that copy
    Map<String, SimpleMatrix> values = new HashMap<>();
    for (Declaration d : declarations.all()) {
      values.put(d.name(), value(d, sized, random));
    }
    return new Bindings(values, sized.sizes());
  }

  /** Notes the size names to draw and the whole numbers already in use; "m*n" stands for m and n. */
  private static void collectSizes(Size size, Map<String, Integer> sizes, Set<String> names, Set<Integer> taken) {
    if (size instanceof Size.Fixed f) {
      taken.add(f.value());
    } else if (size instanceof Size.Named n) {
      for (String factor : Size.factors(n)) {
        Size part = Size.of(factor);
        if (part instanceof Size.Fixed f) {
          taken.add(f.value());
        } else if (!sizes.containsKey(factor)) {
          names.add(factor);
        }
      }
    }
  }

  private static int uniformSize(Random random) {
    return SMALLEST_SIZE + random.nextInt(LARGEST_SIZE - SMALLEST_SIZE + 1);
  }

  private static SimpleMatrix value(Declaration d, Bindings sized, Random random) {
    Shape shape = d.shape();
    int rows = sized.size(shape.rows());
    int cols = sized.size(shape.cols());
    if (rows == 1 && cols == 1) {
      return new SimpleMatrix(new double[][] {{uniform(random, SCALAR_LOW, SCALAR_HIGH)}});
    }
    boolean positive = d.has(Property.POSITIVE);
    if (d.has(Property.DIAGONAL)) {
      return diagonal(rows, d.has(Property.SPD) || positive, d.has(Property.ORTHOGONAL), random);
    }
    if (d.has(Property.SPD)) {
      SimpleMatrix b = positive ? uniform(random, rows, rows, POSITIVE_LOW, POSITIVE_HIGH)
          : uniform(random, rows, rows, ENTRY_LOW, ENTRY_HIGH);
      return b.mult(b.transpose()).plus(SimpleMatrix.identity(rows)); // B B' + I
    }
    if (d.has(Property.ORTHOGONAL)) {
      return d.has(Property.SYMMETRIC) ? reflection(rows, random) : orthogonal(rows, random);
    }
    double low = positive ? POSITIVE_LOW : ENTRY_LOW;
    double high = positive ? POSITIVE_HIGH : ENTRY_HIGH;
    SimpleMatrix m = uniform(random, rows, cols, low, high);
    if (d.has(Property.SYMMETRIC)) {
      m = m.plus(m.transpose()).divide(2); // (B + B') / 2
    }
    return d.has(Property.INVERTIBLE) ? wellConditioned(m, random) : m;
  }

  /** A diagonal matrix with entries of size 0.5..2 (random signs unless positive; +-1 if orthogonal). */
  private static SimpleMatrix diagonal(int n, boolean positive, boolean orthogonal, Random random) {
    SimpleMatrix d = new SimpleMatrix(n, n);
    for (int i = 0; i < n; i++) {
      double size = orthogonal ? 1 : uniform(random, POSITIVE_LOW, POSITIVE_HIGH);
      d.set(i, i, positive || random.nextBoolean() ? size : -size); // D_ii = +-size
    }
    return d;
  }

  /** m shifted along the diagonal until its condition number is moderate; symmetry and positivity stay. */
  private static SimpleMatrix wellConditioned(SimpleMatrix m, Random random) {
    SimpleMatrix shifted = m;
    double shift = 1 + random.nextDouble();
    while (!(NormOps_DDRM.conditionP(shifted.getDDRM(), 1) < WELL_CONDITIONED)) {
      shifted = m.plus(SimpleMatrix.identity(m.getNumRows()).scale(shift)); // M + s I
      shift *= 2;
    }
    return shifted;
  }

  /** Q of A = Q R for a random A: Q'Q = I. */
  private static SimpleMatrix orthogonal(int n, Random random) {
    DMatrixRMaj a = uniform(random, n, n, ENTRY_LOW, ENTRY_HIGH).getDDRM();
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
    if (!qr.decompose(a)) {
      return SimpleMatrix.identity(n);
    }
    return SimpleMatrix.wrap(qr.getQ(null, false)); // A = Q R
  }

  /** The Householder reflection I - 2 v v' / (v'v): orthogonal and symmetric. */
  private static SimpleMatrix reflection(int n, Random random) {
    SimpleMatrix v = uniform(random, n, 1, POSITIVE_LOW, POSITIVE_HIGH);
    return SimpleMatrix.identity(n).minus(v.mult(v.transpose()).scale(2 / v.dot(v))); // I - 2 v v' / v'v
  }

  /**
   * A random direction V at the value x of a declared variable, tangent to what the declaration
   * promises: symmetric for a symmetric X, diagonal for a diagonal X, X K with K skew (K' = -K) for
   * an orthogonal X; otherwise entries uniform in [-1, 1].
   */
  static SimpleMatrix direction(Declaration d, SimpleMatrix x, Random random) {
    int rows = x.getNumRows();
    int cols = x.getNumCols();
    SimpleMatrix v = uniform(random, rows, cols, ENTRY_LOW, ENTRY_HIGH);
    if (rows != cols || rows == 1) {
      return v;
    }
    if (d.has(Property.DIAGONAL)) {
      SimpleMatrix diagonal = new SimpleMatrix(rows, rows);
      for (int i = 0; i < rows; i++) {
        diagonal.set(i, i, v.get(i, i)); // diag(diag(B))
      }
      return diagonal;
    }
    if (d.has(Property.ORTHOGONAL)) {
      return x.mult(v.minus(v.transpose())); // X (B - B'): X' V + V' X = 0
    }
    if (d.has(Property.SYMMETRIC)) {
      return v.plus(v.transpose()).divide(2); // (B + B') / 2
    }
    return v;
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
