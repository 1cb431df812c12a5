package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Infers the shape of every node, solving size names by unification (jlox's resolver pass).
 * Undeclared symbols are inferred from use: an upper-case first letter starts as a matrix, a
 * lower-case one as a vector, unless usage forces a scalar ({@code c*x}). A clash names both
 * sides and their shapes.
 */
public final class ShapeChecker implements Expr.Visitor<Shape> {

  private static final List<String> FRESH_NAMES = List.of("n", "m", "k", "p", "q", "r", "s");

  private final Declarations declarations;
  private final Map<Expr, Span> spans;
  private final IdentityHashMap<Expr, Shape> shapes = new IdentityHashMap<>();
  private final Map<String, Shape> inferred = new LinkedHashMap<>();
  /** Undeclared lower-case symbols still free to turn out scalar. */
  private final Set<String> defaultVectors = new HashSet<>();
  private final Map<Size.Var, Size> bindings = new HashMap<>();
  /**
   * Sizes a*b with an unknown factor: solved once the product or both factors are known. Two such
   * sizes found equal (kron(I, A) + kron(I, B)) keep both factorisations.
   */
  private final Map<Size.Var, List<Size[]>> products = new HashMap<>();
  /** The node (a kron, a vec) each product size belongs to, for a message. */
  private final Map<Size.Var, Expr> productNodes = new HashMap<>();
  /** Unknown factors of a product whose size became known, so they cannot be told apart: kron(I, I). */
  private final Map<Size.Var, Expr> undetermined = new LinkedHashMap<>();
  private int nextVar;

  private ShapeChecker(Declarations declarations, Map<Expr, Span> spans) {
    this.declarations = declarations;
    this.spans = spans;
  }

  public static Typing check(Expr expr, Declarations declarations) {
    return check(expr, declarations, Map.of());
  }

  /** Checks expr; spans (from the parser) place error messages in the source. */
  public static Typing check(Expr expr, Declarations declarations, Map<Expr, Span> spans) {
    ShapeChecker checker = new ShapeChecker(declarations, spans);
    expr.accept(checker);
    return checker.solved(expr);
  }

  private Typing solved(Expr root) {
    if (nextVar == 0) { // no unknown size was ever made (every symbol declared): nothing to resolve or name
      return new Typing(root, shapes, declarations);
    }
    for (Map.Entry<Size.Var, Expr> factor : undetermined.entrySet()) {
      if (find(factor.getKey()) instanceof Size.Var && factor.getValue() != null) {
        throw clash(factor.getValue(), describe(factor.getValue()) + ": the sizes of its factors cannot be told from"
            + " its size alone; give them, as in I(n)");
      }
    }
    Set<String> taken = new HashSet<>();
    for (Declaration d : declarations.all()) {
      collectNames(d.shape(), taken);
    }
    for (Shape s : inferred.values()) {
      collectNames(resolve(s), taken);
    }
    Map<Size.Var, Size> names = new LinkedHashMap<>();
    IdentityHashMap<Expr, Shape> resolved = new IdentityHashMap<>();
    List<Declaration> all = new ArrayList<>();
    for (Map.Entry<String, Shape> entry : inferred.entrySet()) {
      all.add(new Declaration(entry.getKey(), name(resolve(entry.getValue()), names, taken), Set.of()));
    }
    shapes.forEach((node, shape) -> resolved.put(node, name(resolve(shape), names, taken)));
    return new Typing(root, resolved, declarations.plus(Declarations.of(all)));
  }

  private static void collectNames(Shape shape, Set<String> into) {
    collectName(shape.rows(), into);
    collectName(shape.cols(), into);
  }

  private static void collectName(Size size, Set<String> into) {
    if (size instanceof Size.Named n) {
      into.add(n.name());
    }
  }

  private Shape name(Shape shape, Map<Size.Var, Size> names, Set<String> taken) {
    if (!(shape.rows() instanceof Size.Var) && !(shape.cols() instanceof Size.Var)) {
      return shape; // nearly every node: no unknown size to name
    }
    return new Shape(name(shape.rows(), names, taken), name(shape.cols(), names, taken));
  }

  private Size name(Size size, Map<Size.Var, Size> names, Set<String> taken) {
    if (!(size instanceof Size.Var v)) {
      return size;
    }
    List<Size[]> factorisations = products.get(v);
    if (factorisations != null && !factorisations.isEmpty() && resolving.add(v)) {
      // vec(X) of an X of unknown size m x n has the size m*n, once m and n are named; a product
      // that is its own factor (n = n*m) gets a name of its own instead
      try {
        Size[] factors = factorisations.get(0);
        return Size.product(name(find(factors[0]), names, taken), name(find(factors[1]), names, taken));
      } finally {
        resolving.remove(v);
      }
    }
    return names.computeIfAbsent(v, key -> {
      for (String candidate : FRESH_NAMES) {
        if (taken.add(candidate)) {
          return new Size.Named(candidate);
        }
      }
      for (int i = 1; ; i++) {
        if (taken.add("n" + i)) {
          return new Size.Named("n" + i);
        }
      }
    });
  }

  // ---- unification ----

  private Size fresh() {
    return new Size.Var(nextVar++);
  }

  private Size find(Size size) {
    Size current = size;
    while (current instanceof Size.Var v && bindings.containsKey(v)) {
      current = bindings.get(v);
    }
    // a product whose factors lead back to itself (n = n*m, from kron(x, y) unified with x) stays unknown
    if (current instanceof Size.Var v && products.containsKey(v) && resolving.add(v)) {
      try {
        for (Size[] pair : List.copyOf(products.get(v))) {
          Size a = find(pair[0]);
          Size b = find(pair[1]);
          if (!(a instanceof Size.Var) && !(b instanceof Size.Var)) {
            Size known = Size.product(a, b);
            bind(v, known); // solves the other factorisations too; a clash there shows where they meet
            return known;
          }
        }
      } finally {
        resolving.remove(v);
      }
    }
    return current;
  }

  /** Products being solved or named, so that a product that is its own factor ends the search. */
  private final java.util.Set<Size.Var> resolving = new java.util.HashSet<>();

  private Shape resolve(Shape shape) {
    Size rows = find(shape.rows());
    Size cols = find(shape.cols());
    return rows == shape.rows() && cols == shape.cols() ? shape : new Shape(rows, cols);
  }

  private boolean unify(Size a, Size b) {
    Size x = find(a);
    Size y = find(b);
    if (x.equals(y)) {
      return true;
    }
    if (x instanceof Size.Var vx && y instanceof Size.Var vy) {
      // a plain unknown joins a product, so the product's factors can still be solved
      if (products.containsKey(vy)) {
        products.computeIfAbsent(vx, k -> new ArrayList<>()).addAll(products.remove(vy));
      }
      bindings.put(vy, vx);
      return true;
    }
    if (x instanceof Size.Var v) {
      return bind(v, y);
    }
    if (y instanceof Size.Var v) {
      return bind(v, x);
    }
    return false;
  }

  /**
   * Binds an unknown to a known size; for the product a*b of an unknown a and a known b (the size
   * of kron(I, A) with I sized by its context), a = known / b, a clash when it does not divide.
   */
  private boolean bind(Size.Var v, Size known) {
    List<Size[]> factorisations = products.remove(v);
    bindings.put(v, known);
    boolean consistent = true;
    for (Size[] factors : factorisations == null ? List.<Size[]>of() : factorisations) {
      Size a = find(factors[0]);
      Size b = find(factors[1]);
      if (a instanceof Size.Var va && b instanceof Size.Var vb) {
        Expr node = productNodes.get(v);
        undetermined.put(va, node);
        undetermined.put(vb, node);
        continue; // nothing to solve for, unless the factors are known later
      }
      if (!(a instanceof Size.Var) && !(b instanceof Size.Var)) {
        consistent &= Size.product(a, b).equals(known);
        continue;
      }
      Size quotient = quotient(known, a instanceof Size.Var ? b : a);
      consistent &= quotient != null && unify(a instanceof Size.Var ? a : b, quotient);
    }
    return consistent;
  }

  /** p / d for sizes whose factors are whole numbers and names, or null when d does not divide p. */
  private static Size quotient(Size p, Size d) {
    List<String> names = new ArrayList<>();
    long number = 1;
    for (String factor : Size.factors(p)) {
      if (Character.isDigit(factor.charAt(0))) {
        number *= Long.parseLong(factor);
      } else {
        names.add(factor);
      }
    }
    for (String factor : Size.factors(d)) {
      if (Character.isDigit(factor.charAt(0))) {
        long divisor = Long.parseLong(factor);
        if (number % divisor != 0) {
          return null;
        }
        number /= divisor;
      } else if (!names.remove(factor)) {
        return null;
      }
    }
    Size out = new Size.Fixed((int) number);
    for (String name : names) {
      out = Size.product(out, new Size.Named(name));
    }
    return out;
  }

  private boolean isOne(Size size) {
    return find(size).isOne();
  }

  private boolean isScalar(Shape shape) {
    return isOne(shape.rows()) && isOne(shape.cols());
  }

  private Shape record(Expr node, Shape shape) {
    shapes.put(node, shape);
    return shape;
  }

  private Shape shapeOf(Expr e) {
    Shape known = shapes.get(e);
    return known != null ? known : e.accept(this);
  }

  /** A symbol whose default (vector) shape may still become scalar. */
  private boolean mayBeScalar(Expr e) {
    return e instanceof Expr.Symbol s && defaultVectors.contains(s.name())
        && find(inferred.get(s.name()).rows()) instanceof Size.Var;
  }

  private void makeScalar(Expr e) {
    Expr.Symbol s = (Expr.Symbol) e;
    unify(inferred.get(s.name()).rows(), Size.ONE);
    defaultVectors.remove(s.name());
  }

  private ExpressionException clash(Expr node, String message) {
    Span span = spans.get(node);
    return new ExpressionException(span == null ? message : message + " (at " + span.column() + ")", span);
  }

  private String describe(Expr e) {
    String text = TextPrinter.print(e);
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }

  private String describe(Expr e, Shape shape) {
    Shape s = resolve(shape);
    String what;
    if (isScalar(s)) {
      what = "a scalar";
    } else if (isOne(s.cols())) {
      what = "a vector of length " + display(s.rows());
    } else if (isOne(s.rows())) {
      what = "a row vector of length " + display(s.cols());
    } else {
      what = display(s.rows()) + " x " + display(s.cols());
    }
    return describe(e) + " is " + what;
  }

  private String display(Size size) {
    Size s = find(size);
    return s instanceof Size.Var ? "?" : s.toString();
  }

  private void requireSquare(Expr node, Expr argument, Shape shape, String what) {
    if (!unify(shape.rows(), shape.cols())) {
      throw clash(node, what + " needs a square matrix, but " + describe(argument, shape));
    }
  }

  private void requireSame(Expr node, Expr a, Shape sa, Expr b, Shape sb, String operation) {
    if (!unify(sa.rows(), sb.rows()) || !unify(sa.cols(), sb.cols())) {
      throw clash(node, describe(node) + ": " + operation + " needs equal shapes, but "
          + describe(a, sa) + " and " + describe(b, sb) + numberForAVector(a, b));
    }
  }

  /** What a student who wrote 1 - sigmoid(z) or 1 ./ x, as on paper, writes here instead. */
  private static String numberForAVector(Expr a, Expr b) {
    Expr number = a instanceof Expr.Number ? a : b instanceof Expr.Number ? b : null;
    if (number == null) {
      return "";
    }
    double value = Math.abs(((Expr.Number) number).value());
    String scaled = value == 1 ? "" : ", " + TextPrinter.number(value) + "*ones for " + TextPrinter.number(value)
        + " in each entry";
    return "; a number does not stand for a vector here: write ones for a vector of ones (ones - x, ones ./ x)"
        + scaled + ", I for the identity";
  }

  // ---- the visitor ----

  @Override
  public Shape symbol(Expr.Symbol e) {
    Declaration declared = declarations.get(e.name()).orElse(null);
    if (declared != null) {
      return record(e, declared.shape());
    }
    Shape shape = inferred.get(e.name());
    if (shape == null) {
      boolean upper = Character.isUpperCase(e.name().charAt(0));
      shape = upper ? new Shape(fresh(), fresh()) : new Shape(fresh(), Size.ONE);
      if (!upper) {
        defaultVectors.add(e.name());
      }
      inferred.put(e.name(), shape);
    }
    return record(e, shape);
  }

  @Override
  public Shape number(Expr.Number e) {
    return record(e, Shape.SCALAR);
  }

  @Override
  public Shape identity(Expr.Identity e) {
    Size n = e.size() == null ? fresh() : e.size();
    return record(e, new Shape(n, n));
  }

  @Override
  public Shape ones(Expr.Ones e) {
    return record(e, Shape.vector(e.size() == null ? fresh() : e.size()));
  }

  @Override
  public Shape zeros(Expr.Zeros e) {
    return record(e, new Shape(e.rows() == null ? fresh() : e.rows(),
        e.cols() == null ? fresh() : e.cols()));
  }

  @Override
  public Shape sum(Expr.Sum e) {
    Shape shape = null;
    Expr first = null;
    for (Expr term : e.terms()) {
      Shape s = shapeOf(term);
      if (Exprs.isNumber(term, 0)) {
        continue;
      }
      if (shape == null) {
        shape = s;
        first = term;
      } else {
        if (mayBeScalar(term) && isScalar(shape)) {
          makeScalar(term);
        } else if (mayBeScalar(first) && isScalar(s)) {
          makeScalar(first);
        }
        requireSame(e, first, shape, term, s, "a sum");
      }
    }
    return record(e, shape == null ? Shape.SCALAR : shape);
  }

  @Override
  public Shape product(Expr.Product e) {
    Expr first = e.factors().get(0);
    Shape acc = shapeOf(first);
    // The one factor acc stands for when all others so far were scalars; null after a real product.
    Expr alone = first;
    for (int i = 1; i < e.factors().size(); i++) {
      Expr right = e.factors().get(i);
      Shape next = shapeOf(right);
      if (isScalar(acc)) {
        acc = next;
        alone = right;
      } else if (isScalar(next)) {
        continue;
      } else if (alone != null && mayBeScalar(alone) && !isOne(next.rows())) {
        makeScalar(alone);
        acc = next;
        alone = right;
      } else if (unify(acc.cols(), next.rows())) {
        acc = new Shape(acc.rows(), next.cols());
        alone = null;
      } else {
        Expr prefix = Exprs.product(e.factors().subList(0, i));
        throw clash(e, describe(e) + ": " + describe(prefix, acc) + " but " + describe(right, next)
            + ", so they cannot be multiplied");
      }
    }
    return record(e, new Shape(find(acc.rows()), find(acc.cols())));
  }

  @Override
  public Shape power(Expr.Power e) {
    Shape base = shapeOf(e.base());
    if (isScalar(base)) {
      return record(e, Shape.SCALAR);
    }
    if (mayBeScalar(e.base())) {
      makeScalar(e.base());
      return record(e, Shape.SCALAR);
    }
    if (e.exponent() != Math.rint(e.exponent())) {
      throw clash(e, describe(e) + ": only a scalar takes a fractional power, but "
          + describe(e.base(), base));
    }
    if (isOne(base.cols()) || isOne(base.rows())) {
      throw clash(e, describe(e) + ": " + describe(e.base(), base)
          + "; for entry-wise powers write .^, for x'x write x'*x");
    }
    requireSquare(e, e.base(), base, "a matrix power");
    return record(e, base);
  }

  @Override
  public Shape scalarPower(Expr.ScalarPower e) {
    for (Expr part : List.of(e.base(), e.exponent())) {
      Shape shape = shapeOf(part);
      if (mayBeScalar(part)) {
        makeScalar(part);
      } else if (!isScalar(shape)) {
        throw clash(e, describe(e) + ": a power with an expression as its exponent takes scalars, but "
            + describe(part, shape) + (part != e.base() ? ""
                : shape.isSquare() ? "; a matrix power needs a whole-number exponent, as in X^2 or X^-1"
                : "; a transpose is written x' or x^T, an entry-wise power x .^ 2"));
      }
    }
    return record(e, Shape.SCALAR);
  }

  @Override
  public Shape elementPower(Expr.ElementPower e) {
    return record(e, shapeOf(e.base()));
  }

  @Override
  public Shape hadamard(Expr.Hadamard e) {
    Expr first = e.factors().get(0);
    Shape shape = shapeOf(first);
    for (Expr factor : e.factors().subList(1, e.factors().size())) {
      requireSame(e, first, shape, factor, shapeOf(factor), "an entry-wise product");
    }
    return record(e, shape);
  }

  @Override
  public Shape hadamardQuotient(Expr.HadamardQuotient e) {
    Shape numerator = shapeOf(e.numerator());
    requireSame(e, e.numerator(), numerator, e.denominator(), shapeOf(e.denominator()),
        "an entry-wise division");
    return record(e, numerator);
  }

  @Override
  public Shape transpose(Expr.Transpose e) {
    return record(e, shapeOf(e.argument()).transposed());
  }

  @Override
  public Shape inverse(Expr.Inverse e) {
    Shape a = shapeOf(e.argument());
    if (isScalar(a)) {
      return record(e, a);
    }
    if (mayBeScalar(e.argument())) {
      makeScalar(e.argument());
      return record(e, Shape.SCALAR);
    }
    requireSquare(e, e.argument(), a, "inv(...)");
    return record(e, a);
  }

  @Override
  public Shape trace(Expr.Trace e) {
    Shape a = shapeOf(e.argument());
    if (!isScalar(a)) {
      requireSquare(e, e.argument(), a, "tr(...)");
    }
    return record(e, Shape.SCALAR);
  }

  @Override
  public Shape det(Expr.Det e) {
    Shape a = shapeOf(e.argument());
    if (!isScalar(a)) {
      requireSquare(e, e.argument(), a, "det(...)");
    }
    return record(e, Shape.SCALAR);
  }

  @Override
  public Shape logDet(Expr.LogDet e) {
    Shape a = shapeOf(e.argument());
    if (!isScalar(a)) {
      requireSquare(e, e.argument(), a, "logdet(...)");
    }
    return record(e, Shape.SCALAR);
  }

  @Override
  public Shape norm(Expr.Norm e) {
    shapeOf(e.argument());
    return record(e, Shape.SCALAR);
  }

  @Override
  public Shape sumAll(Expr.SumAll e) {
    shapeOf(e.argument());
    return record(e, Shape.SCALAR);
  }

  @Override
  public Shape diag(Expr.Diag e) {
    Shape a = shapeOf(e.argument());
    if (isOne(a.cols()) && !isOne(a.rows())) {
      return record(e, new Shape(a.rows(), a.rows()));
    }
    if (isScalar(a)) {
      return record(e, Shape.SCALAR);
    }
    requireSquare(e, e.argument(), a, "diag(...) of a matrix");
    return record(e, Shape.vector(a.rows()));
  }

  @Override
  public Shape softmax(Expr.Softmax e) {
    Shape a = shapeOf(e.argument());
    if (!isOne(a.cols()) && !unify(a.cols(), Size.ONE)) {
      throw clash(e, "softmax(...) takes a vector, but " + describe(e.argument(), a));
    }
    return record(e, a);
  }

  @Override
  public Shape logSumExp(Expr.LogSumExp e) {
    shapeOf(e.argument());
    return record(e, Shape.SCALAR);
  }

  @Override
  public Shape kron(Expr.Kron e) {
    Shape a = shapeOf(e.left());
    Shape b = shapeOf(e.right());
    return record(e, new Shape(times(a.rows(), b.rows(), e), times(a.cols(), b.cols(), e)));
  }

  /**
   * The size a*b of a Kronecker product, vec or commutation matrix; a whole-number size beyond
   * Limits.MAX_DIMENSION is refused here, before anything of that size is built or even multiplied
   * out (64^6 overflows an int).
   */
  private Size times(Size a, Size b, Expr node) {
    Size x = find(a);
    Size y = find(b);
    if (x.isOne()) {
      return y;
    }
    if (y.isOne()) {
      return x;
    }
    if (x instanceof Size.Fixed fx && y instanceof Size.Fixed fy) {
      long product = (long) fx.value() * fy.value();
      if (product > Limits.MAX_DIMENSION) {
        throw clash(node, describe(node) + " would have " + String.format(java.util.Locale.ROOT,
            "%,d x %,d = %,d rows or columns, more than the %,d the tutor works with", fx.value(), fy.value(),
            product, Limits.MAX_DIMENSION));
      }
    }
    if (x instanceof Size.Var || y instanceof Size.Var) {
      Size.Var product = (Size.Var) fresh();
      products.computeIfAbsent(product, k -> new ArrayList<>()).add(new Size[] {x, y});
      productNodes.put(product, node);
      return product;
    }
    return Size.product(x, y);
  }

  @Override
  public Shape commutation(Expr.Commutation e) {
    Size n = times(e.rows(), e.cols(), e);
    return record(e, new Shape(n, n));
  }

  @Override
  public Shape vec(Expr.Vec e) {
    Shape a = shapeOf(e.argument());
    return record(e, Shape.vector(times(a.rows(), a.cols(), e)));
  }

  @Override
  public Shape apply(Expr.Apply e) {
    return record(e, shapeOf(e.argument()));
  }

  @Override
  public Shape inner(Expr.Inner e) {
    Shape a = shapeOf(e.left());
    Shape b = shapeOf(e.right());
    requireSame(e, e.left(), a, e.right(), b, "an inner product");
    return record(e, Shape.SCALAR);
  }

  @Override
  public Shape matrixLiteral(Expr.MatrixLiteral e) {
    Size totalRows = null;
    Size width = null;
    for (List<Expr> row : e.rows()) {
      Size height = null;
      Size rowWidth = null;
      for (Expr entry : row) {
        Shape s = shapeOf(entry);
        if (height == null) {
          height = s.rows();
        } else if (!unify(height, s.rows())) {
          throw clash(e, "the blocks of a row of " + describe(e) + " have different heights");
        }
        rowWidth = rowWidth == null ? s.cols() : add(rowWidth, s.cols(), e);
      }
      if (width == null) {
        width = rowWidth;
      } else if (!unify(width, rowWidth)) {
        throw clash(e, "the rows of " + describe(e) + " have different widths");
      }
      totalRows = totalRows == null ? height : add(totalRows, height, e);
    }
    return record(e, new Shape(find(totalRows), find(width)));
  }

  private Size add(Size a, Size b, Expr node) {
    Size x = find(a);
    Size y = find(b);
    if (x instanceof Size.Var vx && !(y instanceof Size.Var)) {
      unify(vx, Size.ONE);
      x = Size.ONE;
    }
    if (y instanceof Size.Var vy) {
      unify(vy, Size.ONE);
      y = Size.ONE;
    }
    if (x instanceof Size.Fixed fx && y instanceof Size.Fixed fy) {
      return new Size.Fixed(fx.value() + fy.value());
    }
    throw clash(node, "the blocks of " + describe(node) + " need whole-number sizes to be joined");
  }

  @Override
  public Shape differential(Expr.Differential e) {
    return record(e, shapeOf(e.variable()));
  }
}
