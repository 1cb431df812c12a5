package org.matrixcalculustutor.numeric;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.simple.SimpleMatrix;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.ShapeChecker;
import org.matrixcalculustutor.algebra.Typing;
import org.matrixcalculustutor.calculus.DerivativeKind;
import org.matrixcalculustutor.calculus.Layout;

/**
 * Checks a derivative against central finite differences along random directions V at random
 * points with distinct sizes. The derivative is first brought to numerator layout N; its
 * directional derivative is N v for a scalar variable, N V for a vector one and tr(N V) for a
 * matrix one, compared with (f(X + hV) - f(X - hV)) / 2h. Along a few directions this is as sound
 * as a full difference gradient and far cheaper.
 */
public final class FiniteDifferences {

  /** Random points (valid ones) per check. */
  static final int POINTS = 2;
  /** Random directions per point. */
  static final int DIRECTIONS = 3;
  /** Random pairs of directions per point for a Hessian: each pair costs eight values of f. */
  static final int DIRECTION_PAIRS = 2;
  /** The step h for entries of size about 1; it grows with the largest entry of X. */
  static final double STEP = 1e-6;
  /**
   * The step h of second differences: their rounding error grows as 1/h², so it is larger; the
   * Richardson step leaves an error of order h⁴.
   */
  static final double SECOND_STEP = 5e-3;
  /**
   * How precisely second differences of f are known, relative to |f| / h²: four values of f each
   * side of Richardson's step, so a Hessian entry far below |f| / h² cannot be told from zero.
   */
  static final double SECOND_ROUNDOFF = 1e-9;
  /** Below this size a difference counts as absolute, not relative. */
  static final double FLOOR = 1e-6;
  /**
   * How precisely f itself is evaluated, relative to its size: its rounding error divided by 2h is
   * noise in the differences, so a derivative far smaller than |f| / h cannot be told from zero.
   */
  static final double ROUNDOFF = 1e-11;

  private FiniteDifferences() {}

  /**
   * The largest relative error ||numeric - analytic|| / max(||numeric||, ||analytic||, FLOOR, noise) of
   * derivative, written in layout, against central differences of f; infinite when the derivative
   * does not have the shape the kind and layout call for.
   *
   * @param declarations every symbol of f and of derivative, with solved shapes
   * @throws ExpressionException when no valid point is found (every point drawn had a singular
   *     matrix to invert, the log of a negative number, ...)
   */
  public static double maxRelativeError(Expr f, String variable, Expr derivative, DerivativeKind kind,
      Layout layout, Declarations declarations, long seed) {
    return maxRelativeError(f, null, variable, derivative, kind, layout, declarations, seed);
  }

  /**
   * As above for a function already shape-checked: its typing is used as it is when the check
   * samples the declared sizes, so f is not checked again.
   */
  public static double maxRelativeError(Typing f, String variable, Expr derivative, DerivativeKind kind,
      Layout layout, long seed) {
    return maxRelativeError(f.root(), f, variable, derivative, kind, layout, f.declarations(), seed);
  }

  private static double maxRelativeError(Expr f, Typing checked, String variable, Expr derivative,
      DerivativeKind kind, Layout layout, Declarations declarations, long seed) {
    SampleSizes.Problem problem = SampleSizes.of(declarations, f, derivative);
    Declarations sampled = problem.declarations();
    Expr function = problem.exprs().get(0);
    Expr candidate = problem.exprs().get(1);
    Declaration declared = sampled.get(variable).orElseThrow(
        () -> new ExpressionException("the variable " + variable + " has no declaration"));
    Typing fTyping = checked != null && function == checked.root() && sampled == checked.declarations() ? checked
        : ShapeChecker.check(function, sampled);
    Typing dTyping = ShapeChecker.check(candidate, sampled);
    Random random = new SeededRandom(seed);
    if (kind == DerivativeKind.HESSIAN) {
      return hessianError(function, fTyping, candidate, dTyping, declared, sampled, random);
    }
    return ValidPoints.worst(sampled, random, POINTS, point -> {
      SimpleMatrix n = numerator(Evaluator.evaluate(candidate, dTyping, point), kind, layout);
      SimpleMatrix x = point.value(variable);
      double h = STEP * Math.max(1, x.elementMaxAbs());
      // X + hV and X - hV are rewritten in place for each direction: an evaluation keeps no value
      DMatrixRMaj xPlus = new DMatrixRMaj(x.getNumRows(), x.getNumCols());
      DMatrixRMaj xMinus = new DMatrixRMaj(x.getNumRows(), x.getNumCols());
      Bindings atPlus = point.with(variable, SimpleMatrix.wrap(xPlus));
      Bindings atMinus = point.with(variable, SimpleMatrix.wrap(xMinus));
      double worst = 0;
      for (int k = 0; k < DIRECTIONS; k++) {
        SimpleMatrix v = RandomBindings.direction(declared, x, random);
        CommonOps_DDRM.add(x.getDDRM(), h, v.getDDRM(), xPlus); // X + hV
        CommonOps_DDRM.add(x.getDDRM(), -h, v.getDDRM(), xMinus); // X - hV
        DMatrixRMaj plus = Evaluator.evaluate(function, fTyping, atPlus).getDDRM(); // f(X + hV)
        DMatrixRMaj minus = Evaluator.evaluate(function, fTyping, atMinus).getDDRM(); // f(X - hV)
        DMatrixRMaj difference = CommonOps_DDRM.subtract(plus, minus, null);
        CommonOps_DDRM.divide(difference, 2 * h); // (f(X + hV) - f(X - hV)) / 2h
        SimpleMatrix numeric = SimpleMatrix.wrap(difference);
        if (kind.isVecJacobian()) {
          numeric = vec(numeric); // vec(dF) = J vec(dX)
        }
        SimpleMatrix analytic = directional(n, v, kind);
        if (analytic == null || !sameShape(numeric, analytic)) {
          return Double.POSITIVE_INFINITY;
        }
        double noise = ROUNDOFF * Math.max(NormOps_DDRM.normF(plus), NormOps_DDRM.normF(minus)) / h;
        double scale = Math.max(Math.max(FLOOR, noise), Math.max(numeric.normF(), analytic.normF()));
        DMatrixRMaj error = CommonOps_DDRM.subtract(numeric.getDDRM(), analytic.getDDRM(), null);
        worst = Math.max(worst, NormOps_DDRM.normF(error) / scale); // ||num - ana|| / scale
      }
      return worst;
    }, "the finite-difference check");
  }

  /**
   * The derivative in numerator layout: a denominator-layout gradient, Jacobian or tangent vector
   * is transposed; a tangent matrix has the shape of f in both layouts and a scalar derivative is a
   * scalar.
   */
  static SimpleMatrix numerator(SimpleMatrix d, DerivativeKind kind, Layout layout) {
    boolean transposed = layout == Layout.DENOMINATOR && switch (kind) {
      case VECTOR_BY_SCALAR, SCALAR_BY_VECTOR, VECTOR_BY_VECTOR, SCALAR_BY_MATRIX, VECTOR_BY_MATRIX,
          MATRIX_BY_VECTOR, MATRIX_BY_MATRIX -> true;
      case SCALAR_BY_SCALAR, MATRIX_BY_SCALAR, HESSIAN -> false;
    };
    return transposed ? d.transpose() : d; // N = D'
  }

  /** The directional derivative of f along v, in the shape of f; null when the shapes do not fit. */
  static SimpleMatrix directional(SimpleMatrix n, SimpleMatrix v, DerivativeKind kind) {
    return switch (kind) {
      case SCALAR_BY_SCALAR, VECTOR_BY_SCALAR, MATRIX_BY_SCALAR -> n.scale(v.get(0)); // N v
      case SCALAR_BY_VECTOR, VECTOR_BY_VECTOR -> n.getNumCols() == v.getNumRows() ? n.mult(v) : null; // N V
      case VECTOR_BY_MATRIX, MATRIX_BY_VECTOR, MATRIX_BY_MATRIX ->
          n.getNumCols() == v.getNumElements() ? n.mult(vec(v)) : null; // J vec(V)
      case HESSIAN -> throw new IllegalArgumentException("a Hessian is checked by second differences");
      case SCALAR_BY_MATRIX -> {
        if (n.getNumRows() != v.getNumCols() || n.getNumCols() != v.getNumRows()) {
          yield null;
        }
        double trace = 0;
        for (int i = 0; i < n.getNumRows(); i++) {
          for (int j = 0; j < n.getNumCols(); j++) {
            trace += n.get(i, j) * v.get(j, i); // tr(N V) = sum_ij N_ij V_ji
          }
        }
        SimpleMatrix out = new SimpleMatrix(1, 1);
        out.set(0, trace);
        yield out;
      }
    };
  }

  /**
   * The Hessian against mixed second differences along two random directions U and V:
   * vec(U)' H vec(V) = d²f/(du dv), with
   * D(h) = (f(X + hU + hV) - f(X + hU - hV) - f(X - hU + hV) + f(X - hU - hV)) / 4h²
   * refined by Richardson's step (4 D(h/2) - D(h)) / 3, whose error is of order h⁴. Two directions,
   * not one: vec(V)' B vec(V) is blind to the part of B that is not symmetric.
   */
  private static double hessianError(Expr f, Typing fTyping, Expr hessian, Typing hTyping, Declaration declared,
      Declarations declarations, Random random) {
    return ValidPoints.worst(declarations, random, POINTS, point -> {
      SimpleMatrix h2 = Evaluator.evaluate(hessian, hTyping, point);
      String variable = declared.name();
      SimpleMatrix x = point.value(variable);
      int n = x.getNumElements();
      if (h2.getNumRows() != n || h2.getNumCols() != n) {
        return Double.POSITIVE_INFINITY;
      }
      double h = SECOND_STEP * Math.max(1, x.elementMaxAbs());
      double worst = 0;
      for (int k = 0; k < DIRECTION_PAIRS; k++) {
        SimpleMatrix u = RandomBindings.direction(declared, x, random);
        SimpleMatrix v = RandomBindings.direction(declared, x, random);
        double[] largest = {0};
        double coarse = mixedDifference(f, fTyping, point, variable, x, u, v, h, largest);
        double fine = mixedDifference(f, fTyping, point, variable, x, u, v, h / 2, largest);
        double numeric = (4 * fine - coarse) / 3; // Richardson: the h² term cancels
        double analytic = vec(u).transpose().mult(h2).mult(vec(v)).get(0); // vec(U)' H vec(V)
        double noise = SECOND_ROUNDOFF * largest[0] / (h * h);
        double scale = Math.max(Math.max(FLOOR, noise), Math.max(Math.abs(numeric), Math.abs(analytic)));
        worst = Math.max(worst, Math.abs(numeric - analytic) / scale);
      }
      return worst;
    }, "the second-difference check");
  }

  /** D(h) of the mixed second difference; largest keeps the largest |f| seen, for the noise estimate. */
  private static double mixedDifference(Expr f, Typing typing, Bindings point, String variable, SimpleMatrix x,
      SimpleMatrix u, SimpleMatrix v, double h, double[] largest) {
    double sum = 0;
    for (int a = -1; a <= 1; a += 2) {
      for (int b = -1; b <= 1; b += 2) {
        SimpleMatrix at = x.plus(a * h, u).plus(b * h, v); // X + a h U + b h V
        SimpleMatrix value = Evaluator.evaluate(f, typing, point.with(variable, at));
        if (value.getNumElements() != 1) {
          throw new ExpressionException("a Hessian is of a scalar function");
        }
        largest[0] = Math.max(largest[0], Math.abs(value.get(0)));
        sum += a * b * value.get(0); // f(++) - f(+-) - f(-+) + f(--)
      }
    }
    return sum / (4 * h * h);
  }

  /** vec(A): the columns of A stacked. */
  static SimpleMatrix vec(SimpleMatrix a) {
    SimpleMatrix v = new SimpleMatrix(a.getNumElements(), 1);
    int k = 0;
    for (int j = 0; j < a.getNumCols(); j++) {
      for (int i = 0; i < a.getNumRows(); i++) {
        v.set(k++, 0, a.get(i, j)); // vec(A)[i + m j] = A[i, j]
      }
    }
    return v;
  }

  private static boolean sameShape(SimpleMatrix a, SimpleMatrix b) {
    return a.getNumRows() == b.getNumRows() && a.getNumCols() == b.getNumCols();
  }
}
