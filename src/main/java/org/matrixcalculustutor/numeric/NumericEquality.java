package org.matrixcalculustutor.numeric;

import java.util.List;
import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.Exprs;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.ShapeChecker;
import org.matrixcalculustutor.algebra.Typing;

/** Whether two expressions agree at random points with distinct sizes, and by how much they differ. */
public final class NumericEquality {

  /** Relative difference below which two values count as equal. */
  public static final double TOLERANCE = 1e-7;
  static final double FLOOR = 1e-9;

  private NumericEquality() {}

  /**
   * The largest relative difference of a and b over points valid for both; infinite when their
   * shapes differ at a point.
   *
   * @param declarations every symbol of a and b, with solved shapes
   * @throws ExpressionException when no valid point is found
   */
  public static double maxRelativeDifference(Expr a, Expr b, Declarations declarations, long seed, int points) {
    Pair pair;
    try {
      pair = Pair.of(a, b, declarations);
    } catch (ExpressionException shapesDiffer) {
      return Double.POSITIVE_INFINITY;
    }
    return ValidPoints.worst(pair.declarations(), new SeededRandom(seed), points,
        point -> relativeDifference(pair.a(), Evaluator.evaluate(pair.a(), pair.typing(), point),
            pair.b(), Evaluator.evaluate(pair.b(), pair.typing(), point)), "the numeric comparison");
  }

  /** ||a - b|| / max(||a||, ||b||) from their values; infinite when their shapes differ. */
  static double relativeDifference(Expr a, SimpleMatrix va, Expr b, SimpleMatrix vb) {
    Values v = Values.of(a, va, b, vb);
    if (!v.sameShape()) {
      return Double.POSITIVE_INFINITY;
    }
    double scale = Math.max(FLOOR, Math.max(v.a().normF(), v.b().normF()));
    return v.a().minus(v.b()).normF() / scale; // ||a - b|| / max(||a||, ||b||)
  }

  public static boolean equal(Expr a, Expr b, Declarations declarations, long seed, int points) {
    return maxRelativeDifference(a, b, declarations, seed, points) < TOLERANCE;
  }

  /** The c that best fits a = c b at one random point (least squares), or null where b is zero. */
  public static Double leastSquaresFactor(Expr a, Expr b, Declarations declarations, long seed) {
    Pair pair = Pair.of(a, b, declarations);
    Bindings point = RandomBindings.draw(pair.declarations(), new SeededRandom(seed));
    return leastSquaresFactor(pair.a(), Evaluator.evaluate(pair.a(), pair.typing(), point),
        pair.b(), Evaluator.evaluate(pair.b(), pair.typing(), point));
  }

  /** The c that best fits a = c b from their values va and vb, or null where b is zero or the shapes differ. */
  static Double leastSquaresFactor(Expr a, SimpleMatrix va, Expr b, SimpleMatrix vb) {
    Values v = Values.of(a, va, b, vb);
    if (!v.sameShape()) {
      return null;
    }
    double norm = v.b().elementMult(v.b()).elementSum();
    return norm < FLOOR ? null : v.a().elementMult(v.b()).elementSum() / norm; // <a, b> / <b, b>
  }

  /** (M + M') / 2: a matrix made symmetric. */
  public static final java.util.function.UnaryOperator<SimpleMatrix> SYMMETRIC =
      m -> m.plus(m.transpose()).divide(2);
  /** v + (1 - 1'v) / n 1: a vector made to add up to 1, as a one-hot or probability vector does. */
  public static final java.util.function.UnaryOperator<SimpleMatrix> SUMMING_TO_ONE =
      v -> v.plus((1 - v.elementSum()) / v.getNumElements());

  /** Whether a and b agree at random points where the named matrices are made symmetric. */
  public static boolean equalWhenSymmetric(Expr a, Expr b, Declarations declarations, long seed,
      java.util.Collection<String> symmetrized) {
    return equalWhen(a, b, declarations, seed, symmetrized, SYMMETRIC);
  }

  /** Whether a and b agree at random points where the named values are made as made says. */
  public static boolean equalWhen(Expr a, Expr b, Declarations declarations, long seed,
      java.util.Collection<String> names, java.util.function.UnaryOperator<SimpleMatrix> made) {
    Pair pair = Pair.of(a, b, declarations);
    Random random = new SeededRandom(seed);
    for (int i = 0; i < 2; i++) {
      Bindings point = RandomBindings.draw(pair.declarations(), random);
      for (String name : names) {
        point = point.with(name, made.apply(point.value(name)));
      }
      if (!sameAt(pair.a(), pair.b(), pair.typing(), point)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a and b (typed as one sum) have the same value at point, up to TOLERANCE. */
  static boolean sameAt(Expr a, Expr b, Typing typing, Bindings point) {
    return sameValues(a, Evaluator.evaluate(a, typing, point), b, Evaluator.evaluate(b, typing, point));
  }

  /** Whether a and b have the same value, given their values va and vb, up to TOLERANCE. */
  static boolean sameValues(Expr a, SimpleMatrix va, Expr b, SimpleMatrix vb) {
    Values v = Values.of(a, va, b, vb);
    return v.sameShape() && v.a().minus(v.b()).normF() <= TOLERANCE * Math.max(1, v.b().normF());
  }

  /**
   * Two expressions to compare, at the sizes a check samples (see SampleSizes), typed as one sum so
   * that a context-sized I or ones on one side takes its size from the other.
   */
  private record Pair(Expr a, Expr b, Declarations declarations, Typing typing) {

    /** @throws ExpressionException when a and b cannot stand in one sum */
    static Pair of(Expr a, Expr b, Declarations declarations) {
      SampleSizes.Problem problem = SampleSizes.of(declarations, a, b);
      Expr sa = problem.exprs().get(0);
      Expr sb = problem.exprs().get(1);
      Typing typing = ShapeChecker.check(new Expr.Sum(List.of(sa, sb)), problem.declarations());
      return new Pair(sa, sb, problem.declarations(), typing);
    }
  }

  /**
   * Whether e, of value value, is a zero that has no shape of its own (the answer 0, or 0*x folded
   * to 0), which takes the other side's shape, as it would in a sum.
   */
  static boolean isShapelessZero(Expr e, SimpleMatrix value, SimpleMatrix other) {
    return Exprs.isNumber(e, 0)
        || (value.getNumElements() == 1 && other.getNumElements() != 1 && value.get(0) == 0);
  }

  private record Values(SimpleMatrix a, SimpleMatrix b) {

    /** The values of a and b, a shapeless zero on one side taking the other's shape. */
    static Values of(Expr a, SimpleMatrix va, Expr b, SimpleMatrix vb) {
      if (isShapelessZero(a, va, vb)) {
        return new Values(vb.createLike(), vb);
      }
      if (isShapelessZero(b, vb, va)) {
        return new Values(va, va.createLike());
      }
      return new Values(va, vb);
    }

    boolean sameShape() {
      return a.getNumRows() == b.getNumRows() && a.getNumCols() == b.getNumCols();
    }
  }
}
