package org.matrixcalculustutor.algebra;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shapes of expressions built during simplification and differentiation, for symbols whose
 * declarations are complete. Cached by node identity: rebuilt trees share their unchanged nodes.
 * A request's tree is shape-checked once (its {@link Typing} seeds the cache); a node built from
 * nodes of known shape gets its shape from theirs, one level, without checking its parts again.
 * Only a node that holds a constant sized by its context (I, ones) and no context to size it by is
 * checked as a whole, with the shape checker's unification.
 */
public final class Shapes {

  private final Declarations declarations;
  /**
   * Shapes found before this instance, only read: a checked tree's (a request's) and a cached
   * problem's derivative's, under the same declarations. Never provisional.
   */
  private final List<Map<Expr, Shape>> known;
  /** Sized for a derivation's nodes (a few hundred), so that it does not grow and rehash as it fills. */
  private final IdentityHashMap<Expr, Shape> cache = new IdentityHashMap<>(256);
  /** Nodes whose shape was inferred without the context that sizes a constant in them: provisional. */
  private final Set<Expr> contextual = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  /** The size names the declarations use: any other name was invented for a context-sized constant. */
  private final Set<String> knownSizes = new HashSet<>();
  private final OneLevel oneLevel = new OneLevel();
  /**
   * Per strategy, the nodes it leaves as they are: a derivation simplifies df, then each gradient
   * term, then their sum, under the same declarations, and what one run brought to final form is
   * not worked on again by the next.
   */
  private final Map<Strategy, Set<Expr>> finals = new IdentityHashMap<>(4);

  public Shapes(Declarations declarations) {
    this(declarations, List.of());
  }

  private Shapes(Declarations declarations, List<Map<Expr, Shape>> known) {
    this.declarations = declarations;
    this.known = known;
    for (Declaration d : declarations.all()) {
      addNames(d.shape().rows());
      addNames(d.shape().cols());
    }
  }

  /** The shapes of a checked tree, every node of it included: they are not checked again. */
  public static Shapes of(Typing typing) {
    return new Shapes(typing.declarations(), List.of(typing.shapes()));
  }

  /**
   * The shapes of a checked tree and those settled before under the same declarations (a cached
   * problem's derivative's, from {@link #settledShapes}): neither is worked out again, nor copied.
   */
  public static Shapes of(Typing typing, Map<Expr, Shape> settledBefore) {
    return new Shapes(typing.declarations(), List.of(typing.shapes(), settledBefore));
  }

  /**
   * The shapes of e and of all its parts, settled once, to be read by later instances (see above):
   * only e's own nodes, not whatever else this instance has worked out (a normal form's
   * intermediate trees), since a cached problem keeps them as long as it stays cached.
   */
  public Map<Expr, Shape> settledShapes(Expr e) {
    IdentityHashMap<Expr, Shape> settled = new IdentityHashMap<>();
    settle(e, settled);
    return java.util.Collections.unmodifiableMap(settled);
  }

  private void settle(Expr e, Map<Expr, Shape> into) {
    Shape shape = of(e);
    if (!contextual.contains(e)) {
      into.put(e, shape);
    }
    List<Expr> children = Children.of(e);
    for (int i = 0; i < children.size(); i++) {
      settle(children.get(i), into);
    }
  }

  /** The shape of e found before this instance, or null. */
  private Shape known(Expr e) {
    for (int i = 0; i < known.size(); i++) { // by index: asked for every node
      Shape shape = known.get(i).get(e);
      if (shape != null) {
        return shape;
      }
    }
    return null;
  }

  private void addNames(Size size) {
    if (size instanceof Size.Named n) {
      knownSizes.addAll(Size.factors(n));
    }
  }

  /** The nodes strategy has left as they are, under these declarations (see {@link Rewriting}). */
  Set<Expr> finalUnder(Strategy strategy) {
    return finals.computeIfAbsent(strategy, s -> java.util.Collections.newSetFromMap(new IdentityHashMap<>(128)));
  }

  public Declarations declarations() {
    return declarations;
  }

  public Shape of(Expr e) {
    Shape before = known(e);
    if (before != null) {
      return before;
    }
    Shape known = cache.get(e);
    if (known != null && (contextual.isEmpty() || !contextual.contains(e))) {
      return known;
    }
    Shape shape = known == null ? e.accept(oneLevel) : null;
    if (shape != null) {
      cache.put(e, shape);
      return shape;
    }
    return checked(e);
  }

  /** The shape checker on e as a whole: its unification sizes the context-sized constants in it. */
  private Shape checked(Expr e) {
    Typing typing = ShapeChecker.check(e, declarations);
    typing.shapes().forEach((node, shape) -> {
      if (known(node) == null && (!cache.containsKey(node) || contextual.contains(node))) {
        cache.put(node, shape);
        if (invents(shape)) {
          contextual.add(node);
        } else {
          contextual.remove(node);
        }
      }
    });
    return typing.shape();
  }

  /** Whether a shape names a size no declaration has: one inferred for a constant out of its context. */
  public boolean invents(Shape shape) {
    return invented(shape.rows()) || invented(shape.cols());
  }

  private boolean invented(Size size) {
    if (size instanceof Size.Named n) {
      for (String factor : Size.factors(n)) {
        if (!Character.isDigit(factor.charAt(0)) && !knownSizes.contains(factor)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The shape of a child, or null when it is provisional: then the parent is checked as a whole. */
  private Shape settled(Expr child) {
    Shape s = of(child);
    return contextual.contains(child) ? null : s;
  }

  /**
   * Whether factor, a product, can be spliced into a product around it: not when it is a scalar
   * made of non-scalars, such as x'*x, since 2*B*(x'*x) spliced is 2*B*x'*x, B times a row vector.
   */
  public boolean splices(Expr factor) {
    return factor instanceof Expr.Product inner
        && !(isScalar(inner) && ExprLists.anyMatch(inner.factors(), f -> !isScalar(f)))
        && !startsWithScalarRun(inner);
  }

  /**
   * Whether the product starts with a row that a later column turns into a scalar, as x'*a in
   * x'*a*B: spliced after a matrix M it would read M*x', which does not multiply.
   */
  private boolean startsWithScalarRun(Expr.Product p) {
    for (Expr factor : p.factors()) {
      if (!isScalar(factor)) { // the first factor that is not a scalar
        return of(factor).rows().isOne() && !of(p).rows().isOne();
      }
    }
    return false;
  }

  /** Whether the factors of e multiply to a scalar on their own; false for a run such as dx*y that does not multiply. */
  public boolean multipliesToScalar(Expr e) {
    try {
      return isScalar(e);
    } catch (ExpressionException notAProduct) {
      return false;
    }
  }

  /**
   * Whether a and b can stand in one sum (their shapes unify). Two settled equal shapes, or a
   * literal 0 beside a settled shape, fit without a node for their sum: a grading asks this of
   * every pair it compares.
   */
  public boolean fitInOneSum(Expr a, Expr b) {
    try {
      Shape sa = settled(a);
      Shape sb = settled(b);
      if (sa != null && sb != null && (sa.equals(sb) || Exprs.isNumber(a, 0) || Exprs.isNumber(b, 0))) {
        return true;
      }
      of(new Expr.Sum(List.of(a, b)));
      return true;
    } catch (ExpressionException clash) {
      return false;
    }
  }

  public boolean isScalar(Expr e) {
    return e instanceof Expr.Number || of(e).isScalar();
  }

  /** Whether e is a symbol declared orthogonal: Q'Q = QQ' = I. */
  public boolean isOrthogonal(Expr e) {
    return e instanceof Expr.Symbol s && declarations.has(s.name(), Property.ORTHOGONAL);
  }

  /** Whether e equals its transpose: declared symmetric, spd or diagonal, or built so (X'X, inv(S)). */
  public boolean isSymmetric(Expr e) {
    if (e instanceof Expr.Symbol s) {
      return declarations.has(s.name(), Property.SYMMETRIC) || of(e).isScalar();
    }
    if (e instanceof Expr.Identity || e instanceof Expr.Number) {
      return true;
    }
    if (e instanceof Expr.Inverse inv) {
      return isSymmetric(inv.argument());
    }
    if (e instanceof Expr.Power p) {
      return isSymmetric(p.base());
    }
    if (e instanceof Expr.Diag d) {
      return of(d.argument()).isColumn();
    }
    if (e instanceof Expr.Sum s) {
      return ExprLists.allMatch(s.terms(), this::isSymmetric);
    }
    if (e instanceof Expr.Kron k) {
      return isSymmetric(k.left()) && isSymmetric(k.right());
    }
    if (e instanceof Expr.Commutation k) {
      return k.rows().equals(k.cols()); // K(n, n)' = K(n, n)
    }
    if (e instanceof Expr.Product p) {
      // A palindrome up to transposes: B' M B with M symmetric, X'X, c*S.
      var factors = ExprLists.filter(p.factors(), f -> !isScalar(f));
      int n = factors.size();
      for (int i = 0; i < n / 2; i++) {
        if (!new Expr.Transpose(factors.get(i)).equals(factors.get(n - 1 - i))
            && !factors.get(i).equals(new Expr.Transpose(factors.get(n - 1 - i)))) {
          return false;
        }
      }
      return n == 0 || n % 2 == 0 || isSymmetric(factors.get(n / 2));
    }
    return isScalar(e);
  }

  /**
   * A node's shape from its children's, as the shape checker would find it for a tree whose sizes
   * are all solved; null when a child's shape is provisional or the node is sized by its context.
   * A product whose factors do not fit is an ExpressionException, as from the checker.
   */
  private final class OneLevel implements Expr.Visitor<Shape> {

    private Shape same(Expr argument) {
      return settled(argument);
    }

    /** A scalar made of a settled square matrix (a trace, a determinant); null otherwise. */
    private Shape scalarOfSquare(Expr argument) {
      Shape a = settled(argument);
      return a == null || !a.isSquare() ? null : Shape.SCALAR;
    }

    private Shape scalarOf(Expr argument) {
      return settled(argument) == null ? null : Shape.SCALAR;
    }

    @Override
    public Shape symbol(Expr.Symbol e) {
      return declarations.get(e.name()).map(Declaration::shape).orElse(null);
    }

    @Override
    public Shape number(Expr.Number e) {
      return Shape.SCALAR;
    }

    @Override
    public Shape identity(Expr.Identity e) {
      return e.size() == null ? null : new Shape(e.size(), e.size());
    }

    @Override
    public Shape ones(Expr.Ones e) {
      return e.size() == null ? null : Shape.vector(e.size());
    }

    @Override
    public Shape zeros(Expr.Zeros e) {
      return e.rows() == null || e.cols() == null ? null : new Shape(e.rows(), e.cols());
    }

    @Override
    public Shape sum(Expr.Sum e) {
      Shape shape = null;
      for (Expr term : e.terms()) {
        Shape s = settled(term);
        if (s == null) {
          return null;
        }
        if (Exprs.isNumber(term, 0)) {
          continue;
        }
        if (shape == null) {
          shape = s;
        } else if (!shape.equals(s)) {
          return null; // the checker says what does not fit
        }
      }
      return shape == null ? Shape.SCALAR : shape;
    }

    @Override
    public Shape product(Expr.Product e) {
      Shape acc = null;
      for (Expr factor : e.factors()) {
        Shape next = settled(factor);
        if (next == null) {
          return null;
        }
        if (acc == null || acc.isScalar()) {
          acc = next;
        } else if (!next.isScalar()) {
          if (!acc.cols().equals(next.rows())) {
            return null; // the checker says what does not fit
          }
          acc = new Shape(acc.rows(), next.cols());
        }
      }
      return acc;
    }

    @Override
    public Shape power(Expr.Power e) {
      Shape base = settled(e.base());
      return base == null || !base.isScalar() && !base.isSquare() ? null : base.isScalar() ? Shape.SCALAR : base;
    }

    @Override
    public Shape scalarPower(Expr.ScalarPower e) {
      return scalarOf(e.base()) == null || scalarOf(e.exponent()) == null ? null : Shape.SCALAR;
    }

    @Override
    public Shape elementPower(Expr.ElementPower e) {
      return same(e.base());
    }

    @Override
    public Shape hadamard(Expr.Hadamard e) {
      Shape shape = null;
      for (Expr factor : e.factors()) {
        Shape s = settled(factor);
        if (s == null || shape != null && !shape.equals(s)) {
          return null;
        }
        shape = s;
      }
      return shape;
    }

    @Override
    public Shape hadamardQuotient(Expr.HadamardQuotient e) {
      Shape n = settled(e.numerator());
      Shape d = settled(e.denominator());
      return n == null || !n.equals(d) ? null : n;
    }

    @Override
    public Shape transpose(Expr.Transpose e) {
      Shape a = settled(e.argument());
      return a == null ? null : a.transposed();
    }

    @Override
    public Shape inverse(Expr.Inverse e) {
      Shape a = settled(e.argument());
      return a == null || !a.isSquare() ? null : a;
    }

    @Override
    public Shape trace(Expr.Trace e) {
      return scalarOfSquare(e.argument());
    }

    @Override
    public Shape det(Expr.Det e) {
      return scalarOfSquare(e.argument());
    }

    @Override
    public Shape logDet(Expr.LogDet e) {
      return scalarOfSquare(e.argument());
    }

    @Override
    public Shape norm(Expr.Norm e) {
      return scalarOf(e.argument());
    }

    @Override
    public Shape sumAll(Expr.SumAll e) {
      return scalarOf(e.argument());
    }

    @Override
    public Shape diag(Expr.Diag e) {
      Shape a = settled(e.argument());
      if (a == null) {
        return null;
      }
      if (a.isColumn()) {
        return new Shape(a.rows(), a.rows());
      }
      if (a.isScalar()) {
        return Shape.SCALAR;
      }
      return a.isSquare() ? Shape.vector(a.rows()) : null;
    }

    @Override
    public Shape softmax(Expr.Softmax e) {
      Shape a = settled(e.argument());
      return a == null || !a.cols().isOne() ? null : a;
    }

    @Override
    public Shape logSumExp(Expr.LogSumExp e) {
      return scalarOf(e.argument());
    }

    @Override
    public Shape vec(Expr.Vec e) {
      Shape a = settled(e.argument());
      return a == null ? null : within(Shape.vector(Size.product(a.rows(), a.cols())));
    }

    @Override
    public Shape kron(Expr.Kron e) {
      Shape a = settled(e.left());
      Shape b = settled(e.right());
      return a == null || b == null ? null
          : within(new Shape(Size.product(a.rows(), b.rows()), Size.product(a.cols(), b.cols())));
    }

    @Override
    public Shape commutation(Expr.Commutation e) {
      Size n = Size.product(e.rows(), e.cols());
      return within(new Shape(n, n));
    }

    /** The shape, or null beyond Limits.MAX_DIMENSION: the checker refuses it with its message. */
    private Shape within(Shape shape) {
      return beyond(shape.rows()) || beyond(shape.cols()) ? null : shape;
    }

    private boolean beyond(Size size) {
      return size instanceof Size.Fixed f && f.value() > Limits.MAX_DIMENSION;
    }

    @Override
    public Shape apply(Expr.Apply e) {
      return same(e.argument());
    }

    @Override
    public Shape inner(Expr.Inner e) {
      Shape a = settled(e.left());
      Shape b = settled(e.right());
      return a == null || !a.equals(b) ? null : Shape.SCALAR;
    }

    @Override
    public Shape matrixLiteral(Expr.MatrixLiteral e) {
      return null; // blocks join by the checker's rules
    }

    @Override
    public Shape differential(Expr.Differential e) {
      return settled(e.variable());
    }
  }
}
