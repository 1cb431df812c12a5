package org.matrixcalculustutor.numeric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;

/**
 * The random points of one seed for one set of declarations, in the order the seed gives them,
 * each drawn once and then shared: every grading of a cached problem compares at the same points,
 * so they are drawn at its first grading, not at each. Points never change once drawn (values are
 * only read), so gradings on several threads share them.
 */
public final class Points {

  private final Declarations declarations;
  private final long seed;
  private final Random random;
  private final List<Bindings> drawn = new ArrayList<>();
  /** The points made from drawn ones (some matrices made symmetric), each made once. */
  private final Map<Made, Bindings> made = new HashMap<>();
  /** The one expression whose part values are kept: the derivative every grading compares with. */
  private Expr kept;
  /**
   * Its parts' values by point (drawn or made here), each by node identity; each map is complete
   * before it is shared, then only read.
   */
  private final Map<Bindings, Map<Expr, DMatrixRMaj>> keptValues = new IdentityHashMap<>();

  /** The most points made and kept: a grading makes two or four. */
  static final int MAX_MADE = 16;
  /**
   * The most numbers kept for the derivative's parts over all points (16 KB): a cache holds
   * thousands of problems, and a hostile one's parts may be large (a Kronecker product), so a
   * derivative whose values are larger is evaluated at each grading, as before, not kept.
   */
  static final int MAX_KEPT_NUMBERS = 2_048;
  private int keptNumbers;
  /** Set once a point's values did not fit: from then on each grading evaluates them itself, not under this lock. */
  private boolean full;

  private record Made(int i, List<String> names, UnaryOperator<SimpleMatrix> how) {}

  public Points(Declarations declarations, long seed) {
    this.declarations = declarations;
    this.seed = seed;
    this.random = new SeededRandom(seed);
  }

  public Declarations declarations() {
    return declarations;
  }

  public long seed() {
    return seed;
  }

  /** The i-th point of the seed's sequence (as RandomBindings.draw gives it from this seed). */
  synchronized Bindings get(int i) {
    while (drawn.size() <= i) {
      drawn.add(RandomBindings.draw(declarations, random));
    }
    return drawn.get(i);
  }

  /**
   * The i-th point with each named value made as how says (a matrix made symmetric), made once for
   * all gradings.
   */
  synchronized Bindings made(int i, List<String> names, UnaryOperator<SimpleMatrix> how) {
    Made key = new Made(i, names, how);
    Bindings point = made.get(key);
    if (point == null) {
      point = get(i);
      for (String name : names) {
        point = point.with(name, how.apply(point.value(name)));
      }
      if (made.size() < MAX_MADE) {
        made.put(key, point);
      }
    }
    return point;
  }

  /**
   * The values at point (one of these points, drawn or made) of e and its parts, worked out by the
   * first grading that asks and then shared by all: a cached problem's derivative is evaluated
   * once per point, not at every attempt. Kept for one expression (the first asked for); for
   * another, none are. At a point where e has no value, the parts worked out before the failure
   * are kept.
   */
  synchronized Map<Expr, DMatrixRMaj> partsOf(Expr e, Bindings point) {
    if (kept == null) {
      kept = e;
    } else if (kept != e || full) {
      return Map.of();
    }
    Map<Expr, DMatrixRMaj> values = keptValues.get(point);
    if (values == null) {
      PartValues parts = new PartValues();
      try {
        Evaluator.evaluate(e, null, point, parts);
      } catch (ExpressionException noValue) { // an invalid point: its failure is each grading's to meet
      }
      values = parts.own(); // never changed from here on
      int numbers = numbers(values);
      if (keptNumbers + numbers <= MAX_KEPT_NUMBERS) {
        keptNumbers += numbers;
        keptValues.put(point, values);
      } else {
        full = true;
      }
    }
    return values;
  }

  /** The numbers values hold beyond the symbols' own, which the points hold anyway. */
  private static int numbers(Map<Expr, DMatrixRMaj> values) {
    int numbers = 0;
    for (Map.Entry<Expr, DMatrixRMaj> entry : values.entrySet()) {
      if (!(entry.getKey() instanceof Expr.Symbol)) {
        numbers += entry.getValue().getNumElements();
      }
    }
    return numbers;
  }
}
