package org.matrixcalculustutor.numeric;

import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.ShapeChecker;
import org.matrixcalculustutor.algebra.Typing;
import org.matrixcalculustutor.calculus.DerivativeKind;
import org.matrixcalculustutor.calculus.Layout;

/**
 * Checks a derivative against central finite differences along random directions V at random
 * points: &lt;G, V&gt; (or J V, or f'(t) v) against (f(X + hV) - f(X - hV)) / 2h. Along a few
 * directions this is as sound as a full difference gradient and far cheaper.
 */
public final class FiniteDifferences {

  static final int POINTS = 2;
  static final int DIRECTIONS = 2;
  static final double STEP = 1e-6;
  /** Below this size a difference counts as absolute, not relative. */
  static final double FLOOR = 1e-6;

  private FiniteDifferences() {}

  /**
   * The largest relative error of derivative, written in layout, against finite differences of f.
   *
   * @param declarations every symbol of f and of derivative, with solved shapes
   * @throws ExpressionException when no valid point is found
   */
  public static double maxRelativeError(Expr f, String variable, Expr derivative, DerivativeKind kind,
      Layout layout, Declarations declarations, long seed) {
    Typing fTyping = ShapeChecker.check(f, declarations);
    Typing dTyping = ShapeChecker.check(derivative, declarations);
    Random random = new Random(seed);
    return ValidPoints.worst(declarations, random, POINTS, point -> {
      SimpleMatrix d = Evaluator.evaluate(derivative, dTyping, point);
      SimpleMatrix at = point.value(variable);
      double worst = 0;
      for (int k = 0; k < DIRECTIONS; k++) {
        SimpleMatrix v = RandomBindings.uniform(random, at.getNumRows(), at.getNumCols(), -1, 1);
        SimpleMatrix plus = Evaluator.evaluate(f, fTyping, point.with(variable, at.plus(STEP, v)));
        SimpleMatrix minus = Evaluator.evaluate(f, fTyping, point.with(variable, at.minus(v.scale(STEP))));
        SimpleMatrix numeric = plus.minus(minus).divide(2 * STEP); // (f(X+hV) - f(X-hV)) / 2h
        SimpleMatrix analytic = directional(d, v, kind, layout);
        if (analytic == null || numeric.getNumElements() != analytic.getNumElements()) {
          return Double.POSITIVE_INFINITY;
        }
        double scale = Math.max(FLOOR, Math.max(numeric.normF(), analytic.normF()));
        worst = Math.max(worst, reshaped(numeric, analytic).minus(analytic).normF() / scale);
      }
      return worst;
    }, "f and its derivative have values (the finite-difference check)");
  }

  /** The derivative applied to the direction, in the shape of f; null when the shapes do not fit. */
  private static SimpleMatrix directional(SimpleMatrix d, SimpleMatrix v, DerivativeKind kind, Layout layout) {
    boolean denominator = layout == Layout.DENOMINATOR;
    return switch (kind) {
      case SCALAR_BY_SCALAR, MATRIX_BY_SCALAR -> d.scale(v.get(0)); // f'(t) v
      case VECTOR_BY_SCALAR -> (denominator ? d.transpose() : d).scale(v.get(0));
      case SCALAR_BY_VECTOR, VECTOR_BY_VECTOR -> {
        SimpleMatrix j = denominator ? d.transpose() : d;
        yield j.getNumCols() == v.getNumRows() ? j.mult(v) : null; // J v
      }
      case SCALAR_BY_MATRIX -> {
        SimpleMatrix g = denominator ? d : d.transpose();
        boolean fits = g.getNumRows() == v.getNumRows() && g.getNumCols() == v.getNumCols();
        yield fits ? new SimpleMatrix(new double[][] {{g.elementMult(v).elementSum()}}) : null; // <G, V>
      }
    };
  }

  private static SimpleMatrix reshaped(SimpleMatrix numeric, SimpleMatrix like) {
    if (numeric.getNumRows() == like.getNumRows()) {
      return numeric;
    }
    SimpleMatrix out = like.createLike();
    for (int i = 0; i < numeric.getNumElements(); i++) {
      out.set(i, numeric.get(i));
    }
    return out;
  }
}
