package org.matrixcalculustutor.derivation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Deadline;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Exprs;
import org.matrixcalculustutor.algebra.Property;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.ShapeChecker;
import org.matrixcalculustutor.algebra.Simplifier;
import org.matrixcalculustutor.algebra.Span;
import org.matrixcalculustutor.algebra.TextPrinter;
import org.matrixcalculustutor.algebra.Typing;
import org.matrixcalculustutor.calculus.DerivativeKind;
import org.matrixcalculustutor.calculus.Derivatives;
import org.matrixcalculustutor.calculus.Layout;
import org.matrixcalculustutor.numeric.NumericEquality;

/**
 * Names the slip of the first wrong line, from the step that produced it. Each slip is a repair of
 * the wrong line (swap two factors back inside a trace, put a transpose back, make a product
 * entry-wise, add the term back, flip a sign), or df rebuilt with one rule done wrong (the sign of
 * d(X^-1), det for log det): the slip is the one whose repair agrees with the true df at random
 * points, or whose wrong df agrees with the line. The most specific slips are tried first.
 */
final class SlipFinder {

  /** Random points (each with its own direction dX) for deciding that two lines agree. */
  static final int POINTS = 2;
  /** The most repairs tried on one line: each costs a numeric comparison. */
  static final int MAX_TRIALS = 400;
  /** Beyond this many factors in a trace, or terms in a sum, no swap or drop is tried. */
  static final int MAX_PIECES = 8;

  /**
   * What the first wrong line did.
   *
   * @param slip the slip
   * @param message what the student reads
   * @param rule the rule the step broke (or, for an unnamed step, the engine's next rule)
   * @param span where in the line, or null
   */
  record Found(Slip slip, String message, String rule, Span span) {}

  private final Problem problem;
  private final long seed;
  private int trials;

  SlipFinder(Problem problem, long seed) {
    this.problem = problem;
    this.seed = seed;
  }

  /**
   * The slip of line (index from 0) wrong, given the last right line before it.
   *
   * @param wrong the wrong line (with dX as a symbol)
   * @param spans where its nodes sit in the line
   * @param typed whether the line is well-shaped (an invalid line's repairs are limited to those
   *     that can fix its shapes)
   * @param previous the last right line before it, or null when there is none
   * @param previousIndex its index, or null
   * @param nextRule the rule the engine would use next from the last right line (or from f)
   */
  Found find(Expr wrong, Map<Expr, Span> spans, boolean typed, Expr previous, Integer previousIndex, int index,
      String nextRule) {
    String line = "Line " + (index + 1);
    String from = previousIndex == null ? "f" : "line " + (previousIndex + 1);
    String fromDf = previousIndex == null ? "df" : from;
    Found found = readOffTranspose(wrong, spans, previous, line);
    if (found == null) {
      found = nonCyclicSwap(wrong, spans, line);
    }
    if (found == null && typed) {
      found = inverseSign(wrong, spans, line);
    }
    if (found == null && typed) {
      found = detLogDet(wrong, line);
    }
    if (found == null) {
      found = hadamard(wrong, spans, typed, line);
    }
    if (found == null) {
      found = transposes(wrong, spans, typed, previous, line);
    }
    if (found == null && typed) {
      found = dropped(wrong, previous, line, fromDf);
    }
    if (found == null && typed) {
      found = sign(wrong, spans, line);
    }
    if (found == null && typed) {
      found = factor(wrong, line);
    }
    if (found == null) {
      found = new Found(Slip.UNNAMED, line + " does not follow from " + from + " by a rule the tutor can name"
          + (typed ? ", and it is not df" : "") + ". From " + from + " the engine would use: " + nextRule + ".",
          nextRule, null);
    }
    return found;
  }

  // ------------------------------------------------------------------ the slips, most specific first

  /**
   * &lt;G, dX&gt; written with the wrong G where the line before was not yet of that form (tr(M dX),
   * g' dx): G's transpose, or one transpose inside G, repairs the line.
   */
  private Found readOffTranspose(Expr wrong, Map<Expr, Span> spans, Expr previous, String line) {
    if (problem.kind() != DerivativeKind.SCALAR_BY_VECTOR && problem.kind() != DerivativeKind.SCALAR_BY_MATRIX) {
      return null;
    }
    Expr g = innerForm(wrong);
    if (g == null || (previous != null && innerForm(previous) != null)) {
      return null; // not a read-off step: a transpose lost after it is another slip
    }
    List<Expr> repairs = new ArrayList<>();
    repairs.add(Children.replace(wrong, g, Exprs.transpose(g)));
    for (Expr occurrence : Children.nodes(g, this::transposable)) {
      repairs.add(toggled(wrong, occurrence));
    }
    for (Expr repair : repairs) {
      if (agrees(repair)) {
        return new Found(Slip.READOFF_TRANSPOSE, line + " reads the gradient off without its transpose: tr(M dX) ="
            + " <M', dX> and g' dx = <g, dx>, so G is the transpose of what stands in front of "
            + problem.dX().name() + ".", Slip.READOFF_TRANSPOSE.rule(), spans.get(g));
      }
    }
    return null;
  }

  /** The G of a line written &lt;G, dX&gt; (or &lt;dX, G&gt;), or null. */
  private Expr innerForm(Expr e) {
    if (e instanceof Expr.Inner inner) {
      if (inner.right().equals(problem.dX()) && !Trees.contains(inner.left(), problem.dX())) {
        return inner.left();
      }
      if (inner.left().equals(problem.dX()) && !Trees.contains(inner.right(), problem.dX())) {
        return inner.right();
      }
    }
    return null;
  }

  /** tr(ABC) written tr(BAC): swapping two factors back inside a trace repairs the line. */
  private Found nonCyclicSwap(Expr wrong, Map<Expr, Span> spans, String line) {
    for (Expr node : Children.nodes(wrong, e -> e instanceof Expr.Trace t && t.argument() instanceof Expr.Product)) {
      Expr.Product product = (Expr.Product) ((Expr.Trace) node).argument();
      List<Expr> factors = product.factors();
      if (factors.size() < 3 || factors.size() > MAX_PIECES) {
        continue;
      }
      for (int i = 0; i < factors.size(); i++) {
        for (int j = i + 1; j < factors.size(); j++) {
          if (factors.get(i) instanceof Expr.Number || factors.get(j) instanceof Expr.Number
              || factors.get(i).equals(factors.get(j))) {
            continue;
          }
          List<Expr> swapped = new ArrayList<>(factors);
          swapped.set(i, factors.get(j));
          swapped.set(j, factors.get(i));
          if (agrees(Children.replace(wrong, product, new Expr.Product(swapped)))) {
            String a = LineReader.shortText(factors.get(i));
            String b = LineReader.shortText(factors.get(j));
            Span span = spanOf(spans, factors.get(i), factors.get(j));
            return new Found(Slip.NON_CYCLIC_SWAP, line + " swaps " + a + " and " + b + " inside the trace. A trace"
                + " keeps its value only when its factors move cyclically, tr(ABC) = tr(BCA) = tr(CAB); tr(BAC)"
                + " is another number.", Slip.NON_CYCLIC_SWAP.rule(), span);
          }
        }
      }
    }
    return null;
  }

  /** d(X^-1) taken with a plus sign: the line equals df with that rule's term negated. */
  private Found inverseSign(Expr wrong, Map<Expr, Span> spans, String line) {
    String message = line + " has the sign of d(X^-1) wrong: d(X^-1) = -X^-1 dX X^-1, with a minus, since"
        + " X X^-1 = I gives dX X^-1 + X d(X^-1) = 0.";
    for (Expr node : functionNodes(e -> e instanceof Expr.Inverse
        || (e instanceof Expr.Power p && p.exponent() < 0 && !isScalar(p.base())))) {
      Expr frozen = frozenDifferential(node);
      if (frozen != null && equal(wrong, Exprs.sum(Exprs.product(Exprs.number(2), frozen),
          Exprs.negate(problem.differential())))) {
        return new Found(Slip.INVERSE_SIGN, message, Slip.INVERSE_SIGN.rule(), null);
      }
    }
    for (Expr term : terms(wrong)) {
      if (Children.any(term, e -> e instanceof Expr.Inverse || e instanceof Expr.Power p && p.exponent() < 0)
          && agrees(Children.replace(wrong, term, Exprs.negate(term)))) {
        return new Found(Slip.INVERSE_SIGN, message, Slip.INVERSE_SIGN.rule(), spans.get(term));
      }
    }
    return null;
  }

  /** d det X taken for d log det X or the other way round: df rebuilt with the other rule equals the line. */
  private Found detLogDet(Expr wrong, String line) {
    for (Expr node : functionNodes(e -> e instanceof Expr.Det || e instanceof Expr.LogDet)) {
      Expr frozen = frozenDifferential(node);
      if (frozen == null) {
        continue;
      }
      Expr argument = Children.of(node).get(0);
      Expr part = Exprs.sum(problem.differential(), Exprs.negate(frozen)); // what node's rule contributes
      boolean det = node instanceof Expr.Det;
      Expr scale = det ? new Expr.Power(new Expr.Det(argument), -1) : new Expr.Det(argument);
      if (equal(wrong, Exprs.sum(frozen, Exprs.product(scale, part)))) {
        String a = LineReader.shortText(argument);
        String message = det
            ? line + " differentiates det(" + a + ") as if it were logdet(" + a + "): Jacobi's formula is"
                + " d det(X) = det(X) tr(X^-1 dX), with the factor det(X); d logdet(X) = tr(X^-1 dX) has none."
            : line + " differentiates logdet(" + a + ") as if it were det(" + a + "): d logdet(X) = tr(X^-1 dX),"
                + " without the factor det(X) of Jacobi's formula d det(X) = det(X) tr(X^-1 dX).";
        return new Found(Slip.DET_LOGDET, message, Slip.DET_LOGDET.rule(), null);
      }
    }
    return null;
  }

  /** A matrix product written where an entry-wise product belongs: making it entry-wise repairs the line. */
  private Found hadamard(Expr wrong, Map<Expr, Span> spans, boolean typed, String line) {
    for (Expr node : Children.nodes(wrong, e -> e instanceof Expr.Product)) {
      List<Expr> factors = ((Expr.Product) node).factors();
      for (int i = 0; i + 1 < factors.size() && i < MAX_PIECES; i++) {
        Expr a = factors.get(i);
        Expr b = factors.get(i + 1);
        if (constant(a) || constant(b) || (typed && !sameShape(a, b))) {
          continue; // an entry-wise product needs two operands of one shape
        }
        List<Expr> repaired = new ArrayList<>(factors.subList(0, i));
        repaired.add(new Expr.Hadamard(List.of(a, b)));
        repaired.addAll(factors.subList(i + 2, factors.size()));
        if (agrees(Children.replace(wrong, node, Exprs.product(repaired)))) {
          return new Found(Slip.HADAMARD_AS_PRODUCT, line + " multiplies " + LineReader.shortText(a) + " and "
              + LineReader.shortText(b) + " as matrices where the entry-wise product belongs: <A, B ⊙ C> ="
              + " <A ⊙ B, C> moves B with ⊙, not with a matrix product.", Slip.HADAMARD_AS_PRODUCT.rule(),
              spanOf(spans, a, b));
        }
      }
    }
    return null;
  }

  /**
   * A transpose too few or too many on one matrix: putting it back repairs the line; or the line is
   * right only if a matrix were symmetric. Named a lost transpose when the step had a transposed
   * differential to turn around (dx' A x = x' A' dx), else a matrix treated as symmetric.
   */
  private Found transposes(Expr wrong, Map<Expr, Span> spans, boolean typed, Expr previous, String line) {
    int before = previous != null ? transposedDifferentials(previous, problem.dX())
        : transposedDifferentials(problem.expected().function().expr(), new Expr.Symbol(problem.variable()));
    boolean lost = before > transposedDifferentials(wrong, problem.dX());
    for (Expr occurrence : Children.nodes(wrong, this::transposable)) {
      if (agrees(toggled(wrong, occurrence))) {
        return transposeFound(((Expr.Symbol) occurrence).name(), lost, line, spans.get(occurrence));
      }
    }
    if (!typed) {
      return null;
    }
    boolean lostInAStep = previous != null && lost; // 2 x'A dx from dx'A x + x'A dx
    Set<String> square = new LinkedHashSet<>();
    for (Expr node : Children.nodes(wrong, this::transposable)) {
      Shape shape = problem.shapes().of(node);
      if (shape.isSquare()) {
        square.add(((Expr.Symbol) node).name());
      }
    }
    for (String name : square) {
      if (equalWhenSymmetric(wrong, name)) {
        Expr first = Children.nodes(wrong, e -> e.equals(new Expr.Symbol(name))).get(0);
        return transposeFound(name, lostInAStep, line, spans.get(first));
      }
    }
    return null;
  }

  private Found transposeFound(String name, boolean lost, String line, Span span) {
    if (lost) {
      return new Found(Slip.TRANSPOSE_LOST, line + " lost the transpose of " + name + ": a scalar equals its"
          + " transpose, dx' A x = (dx' A x)' = x' A' dx, and the transpose reaches every factor, " + name
          + " too.", Slip.TRANSPOSE_LOST.rule(), span);
    }
    return new Found(Slip.ASSUMED_SYMMETRIC, line + " treats " + name + " as symmetric (" + name + "' = " + name
        + "), but the problem does not say it is: keep " + name + " and " + name + "' apart.",
        Slip.ASSUMED_SYMMETRIC.rule(), span);
  }

  /** A term of the line before (or of df) is missing: adding it back repairs the line. */
  private Found dropped(Expr wrong, Expr previous, String line, String from) {
    Set<Expr> candidates = new LinkedHashSet<>();
    Expr source = previous != null ? previous : problem.differential();
    if (previous != null) {
      candidates.addAll(terms(previous));
    }
    try {
      candidates.addAll(terms(Simplifier.normalForm(source, problem.shapes())));
    } catch (ExpressionException tooLarge) {
      // the terms as written are all there is to try
    }
    if (candidates.size() < 2 || candidates.size() > 2 * MAX_PIECES) {
      return null;
    }
    for (Expr term : candidates) {
      if (agrees(Exprs.sum(wrong, term))) {
        return new Found(Slip.DROPPED_TERM, line + " has lost the term " + LineReader.shortText(
            Trees.asDifferential(term, problem.dX(), problem.variable())) + " of " + from + ": every term"
            + " stays until it cancels, and the product rule gives one term for each factor that varies.",
            Slip.DROPPED_TERM.rule(), null);
      }
    }
    return null;
  }

  /** The line, or one of its terms, with the wrong sign. */
  private Found sign(Expr wrong, Map<Expr, Span> spans, String line) {
    if (agrees(Exprs.negate(wrong))) {
      return new Found(Slip.SIGN, line + " has the wrong sign: it is -df. Check each minus sign of the step.",
          Slip.SIGN.rule(), null);
    }
    List<Expr> terms = terms(wrong);
    if (terms.size() > 1 && terms.size() <= MAX_PIECES) {
      for (Expr term : terms) {
        if (agrees(Children.replace(wrong, term, Exprs.negate(term)))) {
          return new Found(Slip.SIGN, line + ": the term " + LineReader.shortText(Trees.asDifferential(term,
              problem.dX(), problem.variable())) + " has the wrong sign; the other terms are right.",
              Slip.SIGN.rule(), spans.get(term));
        }
      }
    }
    return null;
  }

  /** The line is a constant multiple of df. */
  private Found factor(Expr wrong, String line) {
    try {
      Double c = NumericEquality.leastSquaresFactor(wrong, problem.differential(), problem.declarations(), seed);
      if (c == null || Math.abs(Math.abs(c) - 1) < 1e-6 || Math.abs(c) < 1e-9
          || !equal(wrong, Exprs.product(Exprs.number(c), problem.differential()))) {
        return null;
      }
      return new Found(Slip.FACTOR, line + " is " + describe(c) + " df: a constant factor changed (a 2 from a"
          + " square, or a 1/2 of the function).", Slip.FACTOR.rule(), null);
    } catch (ExpressionException noValue) {
      return null;
    }
  }

  // ------------------------------------------------------------------ helpers

  private boolean isScalar(Expr e) {
    try {
      return problem.expected().function().typing().shapeOf(e) != null
          ? problem.expected().function().typing().shapeOf(e).isScalar() : problem.shapes().isScalar(e);
    } catch (ExpressionException untyped) {
      return false;
    }
  }

  /** A number, or a constant that takes its size from the context (I, ones): no place for a slip. */
  private static boolean constant(Expr e) {
    return e instanceof Expr.Number || e instanceof Expr.Identity || e instanceof Expr.Ones || e instanceof Expr.Zeros;
  }

  private boolean sameShape(Expr a, Expr b) {
    try {
      return problem.shapes().of(a).equals(problem.shapes().of(b));
    } catch (ExpressionException untyped) {
      return false;
    }
  }

  /** A matrix or vector symbol other than dX whose transpose is another matrix: a place a transpose can go. */
  private boolean transposable(Expr e) {
    if (!(e instanceof Expr.Symbol s) || s.equals(problem.dX())) {
      return false;
    }
    Declarations declarations = problem.declarations();
    return declarations.get(s.name()).map(d -> !d.shape().isScalar() && !d.has(Property.SYMMETRIC)).orElse(false);
  }

  /** e with one transpose added on occurrence, or taken off it when it is already transposed. */
  private static Expr toggled(Expr e, Expr occurrence) {
    Expr parent = Trees.parent(e, occurrence);
    if (parent instanceof Expr.Transpose t && t.argument() == occurrence) {
      return Children.replace(e, parent, occurrence);
    }
    return Children.replace(e, occurrence, new Expr.Transpose(occurrence));
  }

  /** How many transposes in e hold the differential (dX', (A dX)'), or the variable in f. */
  private static int transposedDifferentials(Expr e, Expr.Symbol of) {
    return Children.nodes(e, n -> n instanceof Expr.Transpose t && Trees.contains(t.argument(), of)).size();
  }

  private static List<Expr> terms(Expr e) {
    return e instanceof Expr.Sum s ? s.terms() : List.of(e);
  }

  /** The nodes of f that depend on the variable and satisfy test. */
  private List<Expr> functionNodes(java.util.function.Predicate<Expr> test) {
    Expr.Symbol x = new Expr.Symbol(problem.variable());
    return Children.nodes(problem.expected().function().expr(), e -> test.test(e) && Trees.contains(e, x));
  }

  /**
   * df without the part that node's own rule contributes: f's node held constant while
   * differentiating, then put back. The difference from df is what node's rule gives.
   */
  private Expr frozenDifferential(Expr node) {
    try {
      Typing f = problem.expected().function().typing();
      Shape shape = f.shapeOf(node);
      Expr.Symbol frozen = new Expr.Symbol("\u2744" + System.identityHashCode(node));
      Declarations declarations = problem.declarations().plus(Declarations.of(List.of(
          new Declaration(frozen.name(), shape, Set.of()))));
      Expr held = Children.replace(f.root(), node, frozen);
      Derivatives.Result result = Derivatives.derive(ShapeChecker.check(held, declarations), problem.variable(),
          Layout.DENOMINATOR);
      Expr df = Problem.differentialOf(result.derivative(), problem.kind(), problem.dX());
      return Children.bottomUp(df, e -> e.equals(frozen) ? node : e);
    } catch (ExpressionException cannot) {
      return null;
    }
  }

  private boolean agrees(Expr candidate) {
    return equal(candidate, problem.differential());
  }

  private boolean equal(Expr a, Expr b) {
    if (++trials > MAX_TRIALS) {
      return false;
    }
    Deadline.check();
    try {
      return NumericEquality.equal(a, b, problem.declarations(), seed, POINTS);
    } catch (ExpressionException | IllegalArgumentException noValue) {
      return false;
    }
  }

  private boolean equalWhenSymmetric(Expr wrong, String name) {
    if (++trials > MAX_TRIALS) {
      return false;
    }
    try {
      return NumericEquality.equalWhenSymmetric(wrong, problem.differential(), problem.declarations(), seed,
          List.of(name));
    } catch (ExpressionException | IllegalArgumentException noValue) {
      return false;
    }
  }

  private static Span spanOf(Map<Expr, Span> spans, Expr a, Expr b) {
    Span first = spans.get(a);
    Span second = spans.get(b);
    if (first == null || second == null) {
      return first != null ? first : second;
    }
    return first.to(second);
  }

  static String describe(double c) {
    for (int q = 1; q <= 12; q++) {
      double p = c * q;
      if (Math.abs(p - Math.rint(p)) < 1e-6) {
        long n = Math.round(p);
        return q == 1 ? n + " times" : n + "/" + q + " of";
      }
    }
    return String.format(java.util.Locale.ROOT, "%.4g times", c);
  }

  static String text(Expr e) {
    return TextPrinter.print(e);
  }
}
