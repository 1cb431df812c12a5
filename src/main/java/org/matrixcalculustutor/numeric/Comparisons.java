package org.matrixcalculustutor.numeric;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Deadline;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Exprs;
import org.matrixcalculustutor.algebra.ShapeChecker;
import org.matrixcalculustutor.algebra.Shapes;
import org.matrixcalculustutor.algebra.Typing;

/**
 * The numeric comparisons of one grading, all at the points of one seed: the points are drawn once
 * and shared, the value of an expression or of a part of one at a point is computed once however
 * many comparisons use it, and shapes come from one cache (the answer's and the problem's shapes, checked once) rather
 * than from a shape check per comparison. Gives what {@link NumericEquality} gives for the same
 * seed: the points are the same sequence, and a point invalid for either side is skipped alike.
 * Not thread-safe: one grading, one instance.
 */
public final class Comparisons {

  private final Declarations declarations;
  private final Shapes shapes;
  private final long seed;
  /** The seed's points: this grading's own, or a cached problem's, shared by all its gradings. */
  private final Points points;
  private final LongFunction<Points> pointsAt;
  /** Whether a whole-number size is larger than the points draw: then SampleSizes rewrites each pair. */
  private final boolean resized;
  /** Values of whole expressions (by identity) at each point: a value or the reason it has none. */
  private final Map<Expr, Object[]> values = new IdentityHashMap<>();
  /** Values of their parts at each point, so that e and -e or e - 2t evaluate e once. */
  private final List<Map<Expr, DMatrixRMaj>> parts = new ArrayList<>();
  /** Whether a node holds a constant sized by its context, by identity. */
  private final Map<Expr, Boolean> contextSized = new IdentityHashMap<>();

  /**
   * @param declarations every symbol of the expressions compared, with solved shapes
   * @param shapes shapes of the expressions compared and of their parts, for these declarations
   */
  public Comparisons(Declarations declarations, Shapes shapes, long seed) {
    this(shapes, seed, other -> new Points(declarations, other));
  }

  /**
   * @param pointsAt the points of a seed: drawn for this grading, or a cached problem's, drawn at its
   *     first grading and shared
   */
  public Comparisons(Shapes shapes, long seed, LongFunction<Points> pointsAt) {
    this.points = pointsAt.apply(seed);
    this.pointsAt = pointsAt;
    this.declarations = points.declarations();
    this.shapes = shapes;
    this.seed = seed;
    this.resized = SampleSizes.resizes(declarations);
  }

  public long seed() {
    return seed;
  }

  /** The comparisons at another seed, with the same shapes. */
  public Comparisons reseeded(long otherSeed) {
    return new Comparisons(shapes, otherSeed, pointsAt);
  }

  /** Whether a and b can stand in one sum (their shapes unify). */
  public boolean compatible(Expr a, Expr b) {
    try {
      shapes.of(new Expr.Sum(List.of(a, b)));
      return true;
    } catch (ExpressionException clash) {
      return false;
    }
  }

  /**
   * Whether a and b can stand in one sum and agree at the given number of valid points (relative
   * difference below NumericEquality.TOLERANCE); false also when no point is valid for both.
   */
  public boolean equal(Expr a, Expr b, int points) {
    if (!compatible(a, b)) {
      return false;
    }
    try {
      return maxRelativeDifference(a, b, points) < NumericEquality.TOLERANCE;
    } catch (ExpressionException noValidPoint) {
      return false;
    }
  }

  /** As NumericEquality.maxRelativeDifference at this seed, for a and b that can stand in one sum. */
  double maxRelativeDifference(Expr a, Expr b, int points) {
    if (resized) {
      return NumericEquality.maxRelativeDifference(a, b, declarations, seed, points);
    }
    Typing typing = null;
    if (sizedByContext(a) || sizedByContext(b)) {
      typing = typing(a, b);
      if (typing == null) {
        return Double.POSITIVE_INFINITY;
      }
    }
    double worst = 0;
    int valid = 0;
    ExpressionException last = null;
    for (int i = 0; i < ValidPoints.MAX_DRAWS && valid < points; i++) {
      Deadline.check(); // not an invalid point: a passed deadline ends the whole check
      Bindings point = point(i);
      try {
        worst = Math.max(worst, NumericEquality.relativeDifference(a, value(a, typing, i, point),
            b, value(b, typing, i, point)));
        valid++;
      } catch (ExpressionException invalidPoint) {
        last = invalidPoint;
      }
    }
    if (valid == 0) {
      throw new ExpressionException("the numeric comparison could not find a valid point among "
          + ValidPoints.MAX_DRAWS + " random points" + (last == null ? "" : " (" + last.getMessage() + ")"));
    }
    return worst;
  }

  /** As NumericEquality.leastSquaresFactor at this seed: the c that best fits a = c b at the first point. */
  public Double leastSquaresFactor(Expr a, Expr b) {
    if (resized || sizedByContext(a) || sizedByContext(b)) {
      return NumericEquality.leastSquaresFactor(a, b, declarations, seed);
    }
    Bindings point = point(0);
    SimpleMatrix va = value(a, null, 0, point);
    SimpleMatrix vb = value(b, null, 0, point);
    return NumericEquality.leastSquaresFactor(a, va, b, vb);
  }

  /** As NumericEquality.equalWhenSymmetric at this seed: its two points are the first two drawn here. */
  public boolean equalWhenSymmetric(Expr a, Expr b, Collection<String> symmetrized) {
    return equalWhen(a, b, symmetrized, NumericEquality.SYMMETRIC);
  }

  /** As NumericEquality.equalWhen at this seed: its two points are the first two drawn here. */
  public boolean equalWhen(Expr a, Expr b, Collection<String> names, UnaryOperator<SimpleMatrix> made) {
    if (resized) {
      return NumericEquality.equalWhen(a, b, declarations, seed, names, made);
    }
    if (!compatible(a, b)) {
      return false;
    }
    Typing typing = sizedByContext(a) || sizedByContext(b)
        ? ShapeChecker.check(new Expr.Sum(List.of(a, b)), declarations) : null;
    for (int i = 0; i < 2; i++) {
      Bindings point = point(i);
      for (String name : names) {
        point = point.with(name, made.apply(point.value(name)));
      }
      if (!NumericEquality.sameAt(a, b, typing, point)) {
        return false;
      }
    }
    return true;
  }

  /** The i-th point of this seed's sequence, drawn once. */
  private Bindings point(int i) {
    while (parts.size() <= i) {
      parts.add(new IdentityHashMap<>());
    }
    return points.get(i);
  }

  /** e's value at point i, computed once when it does not depend on what e is compared with. */
  private SimpleMatrix value(Expr e, Typing typing, int i, Bindings point) {
    if (typing != null) {
      return Evaluator.evaluate(e, typing, point); // its constants are sized by the other side
    }
    Object[] known = values.computeIfAbsent(e, k -> new Object[ValidPoints.MAX_DRAWS]);
    if (known[i] == null) {
      try {
        known[i] = Evaluator.evaluate(e, null, point, parts.get(i));
      } catch (ExpressionException noValue) {
        known[i] = noValue;
      }
    }
    if (known[i] instanceof ExpressionException noValue) {
      throw noValue;
    }
    return (SimpleMatrix) known[i];
  }

  /** The typing of a + b, or null when their shapes do not unify. */
  private Typing typing(Expr a, Expr b) {
    try {
      return ShapeChecker.check(new Expr.Sum(List.of(a, b)), declarations);
    } catch (ExpressionException clash) {
      return null;
    }
  }

  /**
   * Whether e holds a constant sized by its context (I, ones, zeros without sizes, a sum of literal
   * zeros): its value then depends on what it stands beside, and evaluating it needs a typing.
   * Known per node: the comparisons of one grading build their sides from the same answer and the
   * same expected derivative, so each part is looked at once.
   */
  private boolean sizedByContext(Expr e) {
    Boolean known = contextSized.get(e);
    if (known == null) {
      known = isContextSized(e);
      for (Expr child : Children.of(e)) {
        known = known || sizedByContext(child);
      }
      contextSized.put(e, known);
    }
    return known;
  }

  private static boolean isContextSized(Expr node) {
    return node instanceof Expr.Identity i && i.size() == null
        || node instanceof Expr.Ones o && o.size() == null
        || node instanceof Expr.Zeros z && (z.rows() == null || z.cols() == null)
        || node instanceof Expr.Sum s && s.terms().stream().allMatch(t -> Exprs.isNumber(t, 0));
  }
}
