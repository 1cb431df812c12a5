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
    // checked as one sum, so that a context-sized I or ones on one side takes its size from the other
    Typing typing;
    try {
      typing = ShapeChecker.check(new Expr.Sum(List.of(a, b)), declarations);
    } catch (ExpressionException shapesDiffer) {
      return Double.POSITIVE_INFINITY;
    }
    return ValidPoints.worst(declarations, new Random(seed), points, point -> {
      SimpleMatrix va = Evaluator.evaluate(a, typing, point);
      SimpleMatrix vb = Evaluator.evaluate(b, typing, point);
      // a literal 0 is the zero of the other side's shape, as in a sum
      if (Exprs.isNumber(a, 0)) {
        va = vb.createLike();
      } else if (Exprs.isNumber(b, 0)) {
        vb = va.createLike();
      }
      if (va.getNumRows() != vb.getNumRows() || va.getNumCols() != vb.getNumCols()) {
        return Double.POSITIVE_INFINITY;
      }
      double scale = Math.max(FLOOR, Math.max(va.normF(), vb.normF()));
      return va.minus(vb).normF() / scale; // ||a - b|| / max(||a||, ||b||)
    }, "the numeric comparison");
  }

  public static boolean equal(Expr a, Expr b, Declarations declarations, long seed, int points) {
    return maxRelativeDifference(a, b, declarations, seed, points) < TOLERANCE;
  }

  /** The c that best fits a = c b at one random point (least squares), or null where b is zero. */
  public static Double leastSquaresFactor(Expr a, Expr b, Declarations declarations, long seed) {
    Typing typing = ShapeChecker.check(new Expr.Sum(List.of(a, b)), declarations);
    Bindings point = RandomBindings.draw(declarations, new Random(seed));
    SimpleMatrix va = Evaluator.evaluate(a, typing, point);
    SimpleMatrix vb = Evaluator.evaluate(b, typing, point);
    double norm = vb.elementMult(vb).elementSum();
    return norm < FLOOR ? null : va.elementMult(vb).elementSum() / norm; // <a, b> / <b, b>
  }

  /** Whether a and b agree at random points where the named matrices are made symmetric. */
  public static boolean equalWhenSymmetric(Expr a, Expr b, Declarations declarations, long seed,
      java.util.Collection<String> symmetrized) {
    Typing typing = ShapeChecker.check(new Expr.Sum(List.of(a, b)), declarations);
    Random random = new Random(seed);
    for (int i = 0; i < 2; i++) {
      Bindings point = RandomBindings.draw(declarations, random);
      for (String name : symmetrized) {
        SimpleMatrix m = point.value(name);
        point = point.with(name, m.plus(m.transpose()).divide(2)); // (M + M') / 2
      }
      SimpleMatrix va = Evaluator.evaluate(a, typing, point);
      SimpleMatrix vb = Evaluator.evaluate(b, typing, point);
      if (va.minus(vb).normF() > TOLERANCE * Math.max(1, vb.normF())) {
        return false;
      }
    }
    return true;
  }
}
