package org.matrixcalculustutor.numeric;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
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
  private final List<PartValues> parts = new ArrayList<>();
  /** The expression whose part values the points keep for every grading (the derivative), or null. */
  private final Expr shared;
  /** Whether a node holds a constant sized by its context, by identity. */
  private final Map<Expr, Boolean> contextSized = new IdentityHashMap<>();

  /**
   * @param declarations every symbol of the expressions compared, with solved shapes
   * @param shapes shapes of the expressions compared and of their parts, for these declarations
   */
  public Comparisons(Declarations declarations, Shapes shapes, long seed) {
    this(shapes, seed, other -> new Points(declarations, other), null);
  }

  /**
   * @param pointsAt the points of a seed: drawn for this grading, or a cached problem's, drawn at its
   *     first grading and shared
   * @param expected the expression every grading of the problem compares with, whose values at the
   *     points are kept with them; or null
   */
  public Comparisons(Shapes shapes, long seed, LongFunction<Points> pointsAt, Expr expected) {
    this.points = pointsAt.apply(seed);
    this.pointsAt = pointsAt;
    this.declarations = points.declarations();
    this.shapes = shapes;
    this.seed = seed;
    this.resized = SampleSizes.resizes(declarations);
    this.shared = expected == null || resized || sizedByContext(expected) ? null : expected;
  }

  public long seed() {
    return seed;
  }

  /** The comparisons at another seed, with the same shapes. */
  public Comparisons reseeded(long otherSeed) {
    return new Comparisons(shapes, otherSeed, pointsAt, shared);
  }

  /** Whether a and b can stand in one sum (their shapes unify). */
  public boolean compatible(Expr a, Expr b) {
    return shapes.fitInOneSum(a, b);
  }

  /**
   * Whether a and b can stand in one sum and agree at the given number of valid points (relative
   * difference below NumericEquality.TOLERANCE); false also when no point is valid for both. The
   * first point where they differ decides: the points after it are not evaluated.
   */
  public boolean equal(Expr a, Expr b, int points) {
    if (!compatible(a, b)) {
      return false;
    }
    if (resized) {
      try {
        return NumericEquality.equal(a, b, declarations, seed, points);
      } catch (ExpressionException noValidPoint) {
        return false;
      }
    }
    Typing typing = null;
    if (sizedByContext(a) || sizedByContext(b)) {
      typing = typing(a, b);
      if (typing == null) {
        return false;
      }
    }
    int valid = 0;
    for (int i = 0; i < ValidPoints.MAX_DRAWS && valid < points; i++) {
      Deadline.check(); // not an invalid point: a passed deadline ends the whole check
      Bindings point = point(i);
      try {
        if (NumericEquality.relativeDifference(a, value(a, typing, i, point), b, value(b, typing, i, point))
            >= NumericEquality.TOLERANCE) {
          return false;
        }
        valid++;
      } catch (ExpressionException invalidPoint) { // drawn again, as NumericEquality does
      }
    }
    return valid > 0;
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

  /**
   * As NumericEquality.equalWhen at this seed: its two points are the first two drawn here, made as
   * made says once for all gradings of the problem.
   */
  public boolean equalWhen(Expr a, Expr b, Collection<String> names, UnaryOperator<SimpleMatrix> made) {
    if (resized) {
      return NumericEquality.equalWhen(a, b, declarations, seed, names, made);
    }
    if (!compatible(a, b)) {
      return false;
    }
    Typing typing = sizedByContext(a) || sizedByContext(b)
        ? ShapeChecker.check(new Expr.Sum(List.of(a, b)), declarations) : null;
    List<String> named = List.copyOf(names);
    for (int i = 0; i < 2; i++) {
      Bindings point = points.made(i, named, made);
      if (typing != null ? !NumericEquality.sameAt(a, b, typing, point) : !sameAt(a, b, point)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a and b, without constants sized by their context, have the same value at point. */
  private boolean sameAt(Expr a, Expr b, Bindings point) {
    PartValues parts = partValuesAt(point);
    return NumericEquality.sameValues(a, Evaluator.evaluate(a, null, point, parts),
        b, Evaluator.evaluate(b, null, point, parts));
  }

  /** A store of part values at point, starting from the derivative's, shared by every grading. */
  private PartValues partValuesAt(Bindings point) {
    return shared == null ? new PartValues() : new PartValues(points.partsOf(shared, point));
  }

  /** The i-th point of this seed's sequence, drawn once. */
  private Bindings point(int i) {
    while (parts.size() <= i) {
      parts.add(partValuesAt(points.get(parts.size())));
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
        || node instanceof Expr.Sum s && allZero(s.terms());
  }

  private static boolean allZero(List<Expr> terms) {
    for (int i = 0; i < terms.size(); i++) { // by index: asked of every node compared
      if (!Exprs.isNumber(terms.get(i), 0)) {
        return false;
      }
    }
    return true;
  }
}
