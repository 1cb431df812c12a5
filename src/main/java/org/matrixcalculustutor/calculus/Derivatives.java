package org.matrixcalculustutor.calculus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Declaration;
import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Exprs;
import org.matrixcalculustutor.algebra.LeftSide;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.Shapes;
import org.matrixcalculustutor.algebra.Simplifier;
import org.matrixcalculustutor.algebra.Size;
import org.matrixcalculustutor.algebra.Typing;

/**
 * The course's method end to end: write df with the differential rules, simplify it, move every
 * factor into the left slot of &lt;G, dX&gt; (or dy = J dx), and read off the derivative.
 */
public final class Derivatives {

  /**
   * A derivative and how it was found.
   *
   * @param form "vec" for a derivative written through vec (a vec Jacobian, the Hessian by a
   *     matrix), else null
   * @param note a remark on the result (a derivative that is zero because f does not depend on the
   *     variable), or null
   * @param indexing what the rows and columns of a vec form index, or null
   */
  public record Result(DerivativeKind kind, Layout layout, Expr derivative, Shape shape, List<Step> steps,
      String form, String note, String indexing) {
    public Result {
      steps = List.copyOf(steps);
    }
  }

  /** The left sides f and df of a derivation's first lines. */
  private static final Expr.Symbol F = new Expr.Symbol("f");
  private static final Expr.Differential DF = new Expr.Differential(F);

  private Derivatives() {}

  /**
   * The lines, printed with what the problem's declarations say of their shapes (x'*x divides), each
   * that leaves d(M) to a line before it saying which: M met twice in df, or df's M met again in d(df).
   */
  private static List<Step> printedUnder(List<Step> steps, Declarations declarations) {
    Map<Expr, Integer> lineOf = new HashMap<>();
    List<Step> printed = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      Expr own = step.node();
      List<Step.Reference> earlier = new ArrayList<>();
      Set<Expr> referred = new HashSet<>();
      for (Map.Entry<Expr.Symbol, Expr> part : step.parts().entrySet()) {
        Integer line = lineOf.get(part.getValue());
        if (line != null && !part.getValue().equals(own) && referred.add(part.getValue())) {
          earlier.add(new Step.Reference(part.getKey(), line));
        }
      }
      earlier.sort(Comparator.comparingInt(Step.Reference::line)); // parts is a map: no order of its own
      printed.add(step.under(declarations).referring(earlier));
      if (own != null) {
        lineOf.putIfAbsent(own, i + 1); // lines are numbered from 1
      }
    }
    return printed;
  }

  /** The trace trick's line names every identity it used, in the order used. */
  private static String traceTrick(Set<String> rules) {
    return "trace trick" + (rules.isEmpty() ? "" : ": " + String.join("; ", rules));
  }

  /**
   * Differentiates the typed function with respect to variable: one of the six kinds, or a vec
   * Jacobian for the pairs beyond them.
   *
   * @throws ExpressionException when df cannot be read off
   */
  public static Result derive(Typing function, String variable, Layout layout) {
    return derive(function, variable, layout, null);
  }

  /**
   * As {@link #derive(Typing, String, Layout)}, with a student's slip in one function's chain rule:
   * the derivative of a student who made it (none when slip is null).
   */
  public static Result derive(Typing function, String variable, Layout layout, ChainRuleSlip slip) {
    Shapes shapes = new Shapes(function.declarations());
    Expr.Symbol x = new Expr.Symbol(variable);
    Shape fShape = function.shape();
    Shape xShape = shapes.of(x);
    DerivativeKind kind = kindOf(fShape, xShape);
    List<Step> steps = new ArrayList<>();
    steps.add(Step.of("the function", F, function.root()));

    Differential.Result d = Differential.of(function.root(), x, shapes, slip);
    steps.addAll(d.steps());
    Expr df = Simplifier.simplify(d.differential(), shapes);
    steps.add(Step.of("collect the differential", DF, df));

    Expr derivative;
    TraceTrick reading = new TraceTrick(new Expr.Differential(x), shapes);
    switch (kind) {
      case SCALAR_BY_SCALAR, VECTOR_BY_SCALAR, MATRIX_BY_SCALAR -> {
        derivative = Simplifier.simplify(
            Children.bottomUp(df, e -> e instanceof Expr.Differential ? Exprs.ONE : e), shapes);
        steps.add(Step.derivative("divide by d" + variable, LeftSide.DERIVATIVE, x, derivative));
      }
      case SCALAR_BY_VECTOR, SCALAR_BY_MATRIX -> {
        List<Expr> terms = reading.gradientTerms(Exprs.ONE, df).stream()
            .map(g -> Simplifier.simplify(g, shapes)).toList();
        if (!terms.isEmpty()) { // df = 0 has nothing to move
          List<Expr> inner = terms.stream().<Expr>map(g -> new Expr.Inner(g, new Expr.Differential(x))).toList();
          steps.add(Step.of(RuleLetters.apart(traceTrick(reading.rulesUsed()), shapes.declarations(), variable), DF,
              inner.size() == 1 ? inner.get(0) : new Expr.Sum(inner)));
        }
        derivative = Simplifier.simplify(Exprs.sum(terms), shapes);
        steps.add(Step.derivative(RuleLetters.readOffGradient(variable, shapes.declarations()),
            LeftSide.GRADIENT, x, derivative));
      }
      case VECTOR_BY_VECTOR -> {
        Expr jacobian = reading.jacobian(df, new Expr.Identity(xShape.rows()));
        derivative = Simplifier.simplify(jacobian, shapes);
        steps.add(Step.derivative("read off the Jacobian: dy = J dx gives J", LeftSide.JACOBIAN, x, derivative));
      }
      case VECTOR_BY_MATRIX, MATRIX_BY_VECTOR, MATRIX_BY_MATRIX -> {
        VecJacobian vec = new VecJacobian(new Expr.Differential(x), shapes, Map.of());
        Expr jacobian = vec.of(df);
        steps.addAll(vec.steps());
        derivative = Simplifier.simplify(jacobian, shapes);
        steps.add(Step.derivative("read off the vec Jacobian: vec(dF) = J vec(d" + variable + ") gives J",
            LeftSide.VEC_JACOBIAN, x, derivative));
      }
      default -> throw new IllegalStateException(kind.name());
    }
    if (Children.any(derivative, e -> e instanceof Expr.Differential)) {
      throw new ExpressionException("the differential is not linear in d" + variable);
    }
    if (readOffTransposed(kind, layout)) {
      derivative = Simplifier.simplify(Exprs.transpose(derivative), shapes);
      steps.add(Step.derivative(layout.word() + " layout: transpose", LeftSide.LAYOUT, x, derivative));
    }
    Shape shape = shapeOf(derivative, kind, layout, fShape, xShape);
    String note = null;
    if (Exprs.isZero(derivative)) {
      note = "f does not change with " + variable + ", so its derivative is zero, of the derivative's shape "
          + shape + ".";
      if (!shape.isScalar()) {
        derivative = new Expr.Zeros(shape.rows(), shape.cols()); // a zero that keeps the derivative's shape
      }
    }
    return new Result(kind, layout, derivative, shape, printedUnder(steps, shapes.declarations()),
        kind.isVecJacobian() ? "vec" : null, note,
        indexing(kind, layout, fShape, xShape, variable));
  }

  /**
   * The Hessian of a scalar f by the second identification theorem: the second differential
   * d²f = d(df) with dX held fixed, brought to the form vec(dX)' B vec(dX), gives H = (B + B')/2,
   * an N x N matrix for N the number of entries of the variable; the same in both layouts.
   *
   * @throws ExpressionException when f is not a scalar, or a differential cannot be read off
   */
  public static Result hessian(Typing function, String variable) {
    return hessian(function, variable, null);
  }

  /** As {@link #hessian(Typing, String)}, with a student's slip in one function's chain rule (none when null). */
  public static Result hessian(Typing function, String variable, ChainRuleSlip slip) {
    Expr.Symbol x = new Expr.Symbol(variable);
    Shape fShape = function.shape();
    Shape xShape = new Shapes(function.declarations()).of(x);
    if (!fShape.isScalar()) {
      throw new ExpressionException("a Hessian is the second derivative of a scalar, but f is a " + fShape.describe()
          + ": its second derivative by " + variable + " would be a tensor of order three; take the Hessian of"
          + " one entry, or of a scalar made from f such as a norm or a sum");
    }
    // The new dX of d(df) is written with a mark of its own: the dX of df is held fixed
    Expr.Symbol mark = new Expr.Symbol(variable + "\u2032");
    Declaration declared = function.declarations().get(variable).orElseThrow(
        () -> new ExpressionException("the variable " + variable + " has no declaration"));
    Shapes shapes = new Shapes(function.declarations().plus(
        Declarations.of(List.of(new Declaration(mark.name(), xShape, declared.properties())))));
    Map<Expr.Symbol, Expr> shownAs = Map.of(mark, x);
    Expr.Differential dX = new Expr.Differential(x);
    Expr.Differential marked = new Expr.Differential(mark);
    boolean vector = xShape.cols().isOne();

    List<Step> steps = new ArrayList<>();
    steps.add(Step.of("the function", F, function.root()));
    Differential.Result d = Differential.of(function.root(), x, shapes, slip);
    steps.addAll(d.steps());
    Expr df = Simplifier.simplify(d.differential(), shapes);
    steps.add(Step.of("collect the differential", DF, df));

    Expr.Symbol first = new Expr.Symbol("\u00b7df"); // d(df), written with df spelled out
    steps.add(new Step("second differential: d²f = d(df) with d" + variable + " held fixed", null,
        new Expr.Differential(first), LeftSide.SECOND_DIFFERENTIAL, Map.of(first, df)));
    Differential.Result dd = Differential.of(df, x, marked, shapes, d.shown(), slip);
    steps.addAll(dd.steps());
    Expr d2f = Simplifier.simplify(dd.differential(), shapes);
    steps.add(new Step("collect the second differential", null, d2f, LeftSide.SECOND_DIFFERENTIAL, shownAs));

    // d²f = <M, new dX>, with M linear in the dX of df; then vec(M) = B vec(dX)
    TraceTrick reading = new TraceTrick(marked, shapes);
    Expr m = Simplifier.simplify(Exprs.sum(reading.gradientTerms(Exprs.ONE, d2f)), shapes);
    if (!Exprs.isZero(m)) {
      steps.add(new Step(traceTrick(reading.rulesUsed()), null, new Expr.Inner(m, marked),
          LeftSide.SECOND_DIFFERENTIAL, shownAs));
    }
    Expr b;
    if (xShape.isScalar()) {
      b = Children.bottomUp(m, e -> e.equals(dX) ? Exprs.ONE : e);
    } else if (vector) {
      b = new TraceTrick(dX, shapes).jacobian(m, new Expr.Identity(xShape.rows()));
    } else {
      VecJacobian vec = new VecJacobian(dX, shapes, shownAs);
      b = vec.of(m);
      steps.addAll(vec.steps());
    }
    b = Simplifier.simplify(b, shapes);
    if (Children.any(b, e -> e instanceof Expr.Differential)) {
      throw new ExpressionException("the second differential is not quadratic in d" + variable);
    }
    steps.add(new Step("the quadratic form: d²f = " + (vector ? "dx' B dx" : "vec(dX)' B vec(dX)"),
        vector ? dX : new Expr.Vec(dX), b, LeftSide.QUADRATIC_FORM, Map.of()));
    Expr h = b;
    if (!symmetric(b, shapes)) {
      List<Expr> halves = new ArrayList<>(); // (B + B')/2, term by term, so that like terms collect
      for (Expr term : b instanceof Expr.Sum sum ? sum.terms() : List.of(b)) {
        halves.add(Exprs.product(Exprs.number(0.5), term));
        halves.add(Exprs.product(Exprs.number(0.5), Exprs.transpose(term)));
      }
      h = Simplifier.simplify(Exprs.sum(halves), shapes);
    }
    Size n = Size.product(xShape.rows(), xShape.cols());
    Shape shape = new Shape(n, n);
    String note = null;
    if (Exprs.isZero(h)) {
      note = "The second differential of f is zero (f is at most linear in " + variable
          + "), so its Hessian is zero, " + shape + ".";
      h = shape.isScalar() ? Exprs.ZERO : new Expr.Zeros(n, n);
    }
    steps.add(new Step("second identification theorem: H = (B + B')/2, the symmetric part of B", null, h,
        LeftSide.HESSIAN, Map.of()));
    boolean vecForm = !vector && !xShape.isScalar();
    return new Result(DerivativeKind.HESSIAN, Layout.DENOMINATOR, h, shape, printedUnder(steps, shapes.declarations()),
        vecForm ? "vec" : null, note,
        vecForm ? "Rows and columns index vec(" + variable + "): " + position(xShape, variable) + "." : null);
  }

  /**
   * Whether e is symmetric as written: declared or built so (Shapes), a Kronecker product of
   * symmetric factors, or a sum whose terms are symmetric or pair with their transposes (A + A').
   */
  private static boolean symmetric(Expr e, Shapes shapes) {
    if (shapes.isSymmetric(e)) {
      return true;
    }
    if (e instanceof Expr.Kron k) {
      return symmetric(k.left(), shapes) && symmetric(k.right(), shapes);
    }
    if (e instanceof Expr.Product p && p.factors().size() == 2 && p.factors().get(0) instanceof Expr.Number) {
      return symmetric(p.factors().get(1), shapes);
    }
    if (!(e instanceof Expr.Sum s)) {
      return false;
    }
    List<Expr> unpaired = new ArrayList<>(s.terms().stream().filter(t -> !symmetric(t, shapes)).toList());
    while (!unpaired.isEmpty()) {
      Expr term = unpaired.remove(0);
      if (!unpaired.remove(Simplifier.simplify(Exprs.transpose(term), shapes))) {
        return false;
      }
    }
    return true;
  }

  /** What the rows and columns of a vec Jacobian index, in words; null for the six kinds. */
  private static String indexing(DerivativeKind kind, Layout layout, Shape f, Shape x, String variable) {
    if (!kind.isVecJacobian()) {
      return null;
    }
    String output = f.cols().isOne() ? "f: row i is f[i]" : "vec(f): " + position(f, "f");
    String input = x.cols().isOne() ? variable + ": column k is " + variable + "[k]"
        : "vec(" + variable + "): " + position(x, variable);
    if (layout == Layout.NUMERATOR) {
      return "Rows index " + output + "; columns index " + input + ".";
    }
    return "Rows index " + input.replace("column k is", "row k is") + "; columns index "
        + output.replace("row i is", "column i is") + ".";
  }

  /** Where entry [i, j] of an m x n matrix sits in vec: i + m*j, counting from 0, columns stacked. */
  private static String position(Shape shape, String name) {
    return "entry " + name + "[i, j] is at i + " + shape.rows() + "*j (counting from 0; the columns stacked)";
  }

  /**
   * Whether the layout asks for the transpose of what was read off: gradients are read off in
   * denominator layout (the shape of the variable), Jacobians and tangent vectors in numerator
   * layout; a tangent matrix has the shape of f in both.
   */
  private static boolean readOffTransposed(DerivativeKind kind, Layout layout) {
    return switch (kind) {
      case SCALAR_BY_VECTOR, SCALAR_BY_MATRIX -> layout == Layout.NUMERATOR;
      case VECTOR_BY_VECTOR, VECTOR_BY_SCALAR, VECTOR_BY_MATRIX, MATRIX_BY_VECTOR, MATRIX_BY_MATRIX ->
          layout == Layout.DENOMINATOR;
      case SCALAR_BY_SCALAR, MATRIX_BY_SCALAR, HESSIAN -> false;
    };
  }

  private static Shape shapeOf(Expr derivative, DerivativeKind kind, Layout layout, Shape f, Shape x) {
    Shape numerator = switch (kind) {
      case SCALAR_BY_SCALAR -> Shape.SCALAR;
      case VECTOR_BY_SCALAR, MATRIX_BY_SCALAR -> f;
      case SCALAR_BY_VECTOR, SCALAR_BY_MATRIX -> x.transposed();
      case VECTOR_BY_VECTOR -> new Shape(f.rows(), x.rows());
      case VECTOR_BY_MATRIX, MATRIX_BY_VECTOR, MATRIX_BY_MATRIX ->
          new Shape(Size.product(f.rows(), f.cols()), Size.product(x.rows(), x.cols()));
      case HESSIAN -> throw new IllegalStateException("a Hessian is not read off a first differential");
    };
    boolean transposed = layout == Layout.DENOMINATOR && kind != DerivativeKind.MATRIX_BY_SCALAR;
    return transposed ? numerator.transposed() : numerator;
  }

  static DerivativeKind kindOf(Shape f, Shape x) {
    if (x.isScalar()) {
      if (f.isScalar()) {
        return DerivativeKind.SCALAR_BY_SCALAR;
      }
      return f.isColumn() ? DerivativeKind.VECTOR_BY_SCALAR : DerivativeKind.MATRIX_BY_SCALAR;
    }
    if (x.isColumn()) {
      if (f.isScalar()) {
        return DerivativeKind.SCALAR_BY_VECTOR;
      }
      return f.isColumn() ? DerivativeKind.VECTOR_BY_VECTOR : DerivativeKind.MATRIX_BY_VECTOR;
    }
    if (f.isScalar()) {
      return DerivativeKind.SCALAR_BY_MATRIX;
    }
    return f.isColumn() ? DerivativeKind.VECTOR_BY_MATRIX : DerivativeKind.MATRIX_BY_MATRIX;
  }
}
