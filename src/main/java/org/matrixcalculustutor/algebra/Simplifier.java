package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Writes results as a person would: small named rules, each Expr → Expr, applied bottom-up to a
 * bounded fixed point (SymPy's strategies). {@link #simplify} keeps factored forms such as
 * (A + A')*x; {@link #normalForm} expands everything into a canonical sum, so that two expressions
 * with equal normal forms are equal.
 */
public final class Simplifier {

  /** Passes over the whole tree before giving up on reaching a fixed point. */
  static final int MAX_PASSES = 12;

  /** The most nodes one simplification applies its rules to; the worked examples stay far below. */
  static final int MAX_APPLICATIONS = 5_000;

  private final Shapes shapes;
  private final boolean expand;
  private final NodeCounter nodes = new NodeCounter();
  /** Nodes the rules have been applied to so far: each costs a shape check, so this bounds the time. */
  private int applications;
  private final List<UnaryOperator<Expr>> rules;

  private Simplifier(Shapes shapes, boolean expand) {
    this.shapes = shapes;
    this.expand = expand;
    List<UnaryOperator<Expr>> list = new ArrayList<>(List.of(
        this::flatten,
        this::foldNumbers,
        this::scalarsFirst,
        this::combineScalarPowers,
        this::combineSymbolicPowers,
        this::removeIdentity,
        this::cancelInverses,
        this::pushTranspose,
        this::simplifyInverse,
        this::simplifyPower,
        this::simplifyTrace,
        this::innerToProduct,
        this::simplifyDeterminant,
        this::simplifyKron,
        this::simplifyVec,
        this::simplifyCommutation,
        this::simplifyHadamard,
        this::recognizeSoftmax,
        this::onesInnerIsSum,
        this::collectLikeTerms,
        this::positiveFirst));
    if (expand) {
      list.add(this::distribute);
      list.add(this::distributeKron);
      list.add(this::sortTerms);
    } else {
      list.add(this::factorCommon);
    }
    this.rules = list;
  }

  public static Expr simplify(Expr e, Typing typing) {
    return simplify(e, new Shapes(typing.declarations()));
  }

  public static Expr simplify(Expr e, Shapes shapes) {
    return new Simplifier(shapes, false).run(e);
  }

  public static Expr normalForm(Expr e, Typing typing) {
    return normalForm(e, new Shapes(typing.declarations()));
  }

  public static Expr normalForm(Expr e, Shapes shapes) {
    return new Simplifier(shapes, true).run(e);
  }

  private Expr run(Expr e) {
    Expr current = e;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      Expr next = Children.bottomUp(current, this::applyRules);
      if (next.equals(current)) {
        return next;
      }
      current = next;
    }
    return current;
  }

  /**
   * The rules on one node; a non-scalar that comes out as the number 0 (y - y, 0*A) becomes the
   * zero of its shape, so that softmax(y - y) or (y - y) .* z keep their sizes.
   */
  private Expr applyRules(Expr e) {
    Deadline.check();
    if (++applications > MAX_APPLICATIONS) {
      throw new ExpressionException((expand ? "expanding" : "simplifying") + " this expression takes more than "
          + String.format(java.util.Locale.ROOT, "%,d", MAX_APPLICATIONS) + " steps, more than the tutor works with:"
          + " simplify it first, or split it into smaller problems");
    }
    Expr result = applyRulesOnce(e);
    if (result != e) { // only a rule can make a tree grow
      nodes.requireWithinLimit(result, expand ? "the expanded form" : "the simplified form");
    }
    if (Exprs.isNumber(result, 0) && !(e instanceof Expr.Number)) {
      Shape shape = shapes.of(e);
      if (!shape.isScalar() && known(shape.rows()) && known(shape.cols())) {
        return new Expr.Zeros(shape.rows(), shape.cols());
      }
    }
    return result;
  }

  /** A size the declarations fix, not one shape inference made up for a context-sized constant. */
  private boolean known(Size size) {
    return size instanceof Size.Fixed || shapes.declarations().all().stream()
        .anyMatch(d -> d.shape().rows().equals(size) || d.shape().cols().equals(size));
  }

  private Expr applyRulesOnce(Expr e) {
    Expr current = e;
    for (int round = 0; round < MAX_PASSES; round++) {
      Expr before = current;
      for (UnaryOperator<Expr> rule : rules) {
        Expr next = rule.apply(current);
        if (next != current) {
          // a rule may build nodes whose children are not simplified yet
          current = next == before ? next : Children.map(next, this::applyRulesShallow);
        }
      }
      if (current == before) {
        return current;
      }
    }
    return current;
  }

  private int depth;

  private Expr applyRulesShallow(Expr e) {
    if (depth > 3) {
      return e;
    }
    depth++;
    try {
      return applyRules(e);
    } finally {
      depth--;
    }
  }

  private static int transposes(Expr e) {
    int count = e instanceof Expr.Transpose ? 1 : 0;
    for (Expr child : Children.of(e)) {
      count += transposes(child);
    }
    return count;
  }

  // ---- rules ----

  /** a + (b + c) = a + b + c; a*(b*c) = a*b*c; a .* (b .* c) = a .* b .* c. */
  Expr flatten(Expr e) {
    if (e instanceof Expr.Sum s && s.terms().stream().anyMatch(t -> t instanceof Expr.Sum)) {
      List<Expr> terms = new ArrayList<>();
      s.terms().forEach(t -> terms.addAll(t instanceof Expr.Sum inner ? inner.terms() : List.of(t)));
      return Exprs.sum(terms);
    }
    if (e instanceof Expr.Product p && p.factors().stream().anyMatch(shapes::splices)) {
      List<Expr> factors = new ArrayList<>();
      p.factors().forEach(f -> factors.addAll(shapes.splices(f) ? ((Expr.Product) f).factors() : List.of(f)));
      return Exprs.product(factors);
    }
    if (e instanceof Expr.Hadamard h && h.factors().stream().anyMatch(f -> f instanceof Expr.Hadamard)) {
      List<Expr> factors = new ArrayList<>();
      h.factors().forEach(f -> factors.addAll(f instanceof Expr.Hadamard inner ? inner.factors() : List.of(f)));
      return new Expr.Hadamard(factors);
    }
    return e;
  }

  /** 2 + 3 = 5; x + 0 = x; 2*3*x = 6*x; 1*x = x; 0*x = 0. */
  Expr foldNumbers(Expr e) {
    if (e instanceof Expr.Sum s) {
      double constant = 0;
      int numbers = 0;
      List<Expr> terms = new ArrayList<>();
      for (Expr t : s.terms()) {
        if (t instanceof Expr.Number n) {
          constant += n.value();
          numbers++;
        } else if (!Exprs.isZero(t)) {
          terms.add(t);
        }
      }
      if ((numbers == 0 && terms.size() == s.terms().size()) || !Double.isFinite(constant)) {
        return e; // 1e308 + 1e308 is left as it is: it has no finite value to fold into
      }
      if (constant != 0 || terms.isEmpty()) {
        terms.add(Exprs.number(constant));
      }
      return Exprs.sum(terms);
    }
    if (e instanceof Expr.Product p) {
      double coefficient = 1;
      int numbers = 0;
      List<Expr> rest = new ArrayList<>();
      for (Expr f : p.factors()) {
        if (f instanceof Expr.Number n) {
          coefficient *= n.value();
          numbers++;
        } else if (Exprs.isZero(f)) {
          return Exprs.ZERO;
        } else {
          rest.add(f);
        }
      }
      if (coefficient == 0) {
        return Exprs.ZERO;
      }
      if (!Double.isFinite(coefficient)) {
        return e;
      }
      boolean leading = p.factors().get(0) instanceof Expr.Number;
      if (numbers == 0 || (numbers == 1 && leading && coefficient != 1)) {
        return e;
      }
      if (coefficient != 1) {
        rest.add(0, Exprs.number(coefficient));
      }
      return Exprs.product(rest);
    }
    if (e instanceof Expr.Power p && p.base() instanceof Expr.Number n) {
      double value = Math.pow(n.value(), p.exponent());
      return Double.isFinite(value) ? Exprs.number(value) : e;
    }
    return e;
  }

  /**
   * Scalars commute: c*A*s*B = c*s*A*B, so a product reads coefficient, scalars, the chain, then
   * reciprocals (which print as a division: x/norm(x)).
   */
  Expr scalarsFirst(Expr e) {
    if (!(e instanceof Expr.Product p)) {
      return e;
    }
    List<Expr> scalars = new ArrayList<>();
    List<Expr> chain = new ArrayList<>();
    List<Expr> reciprocals = new ArrayList<>();
    for (Expr f : p.factors()) {
      if (f instanceof Expr.Power pw && pw.exponent() == -1 && shapes.isScalar(f)) {
        reciprocals.add(f);
      } else {
        (shapes.isScalar(f) ? scalars : chain).add(f);
      }
    }
    if (chain.isEmpty() && reciprocals.isEmpty()) {
      return e;
    }
    if (chain.isEmpty() && scalars.isEmpty()) {
      return e;
    }
    List<Expr> ordered = new ArrayList<>(scalars);
    ordered.addAll(chain);
    ordered.addAll(reciprocals);
    return ordered.equals(p.factors()) ? e : new Expr.Product(ordered);
  }

  /** s * s^-1 = 1 and s * s = s^2 for scalar factors s. */
  Expr combineScalarPowers(Expr e) {
    if (!(e instanceof Expr.Product p)) {
      return e;
    }
    Map<Expr, Double> exponents = new LinkedHashMap<>();
    List<Expr> others = new ArrayList<>();
    int scalarFactors = 0;
    for (Expr f : p.factors()) {
      if (f instanceof Expr.Number || !shapes.isScalar(f)) {
        others.add(f);
        continue;
      }
      scalarFactors++;
      Expr base = f instanceof Expr.Power pw ? pw.base() : f;
      double k = f instanceof Expr.Power pw ? pw.exponent() : 1;
      exponents.merge(base, k, Double::sum);
    }
    if (exponents.size() == scalarFactors) {
      return e;
    }
    List<Expr> factors = new ArrayList<>();
    p.factors().stream().filter(f -> f instanceof Expr.Number).forEach(factors::add);
    exponents.forEach((base, k) -> {
      if (k != 0) {
        factors.add(k == 1 ? base : new Expr.Power(base, k));
      }
    });
    others.stream().filter(f -> !(f instanceof Expr.Number)).forEach(factors::add);
    return Exprs.product(factors);
  }

  /**
   * u^a u^b = u^(a+b) where an exponent is an expression: j det(X)^(j-1) det(X) = j det(X)^j; a
   * number exponent makes a plain power: u^(j - j + 2) = u^2.
   */
  Expr combineSymbolicPowers(Expr e) {
    if (e instanceof Expr.ScalarPower p) {
      Double value = Exprs.constantValue(p.exponent());
      return value == null ? e : new Expr.Power(p.base(), value);
    }
    if (!(e instanceof Expr.Product p) || p.factors().stream().noneMatch(f -> f instanceof Expr.ScalarPower)) {
      return e;
    }
    Map<Expr, List<Expr>> exponents = new LinkedHashMap<>();
    for (Expr f : p.factors()) {
      if (f instanceof Expr.ScalarPower sp) {
        exponents.computeIfAbsent(sp.base(), b -> new ArrayList<>()).add(sp.exponent());
      } else if (f instanceof Expr.Power pw && shapes.isScalar(f)) {
        exponents.computeIfAbsent(pw.base(), b -> new ArrayList<>()).add(Exprs.number(pw.exponent()));
      } else if (!(f instanceof Expr.Number) && shapes.isScalar(f)) {
        exponents.computeIfAbsent(f, b -> new ArrayList<>()).add(Exprs.ONE);
      }
    }
    for (Map.Entry<Expr, List<Expr>> entry : exponents.entrySet()) {
      Expr base = entry.getKey();
      if (entry.getValue().size() < 2) {
        continue;
      }
      List<Expr> factors = new ArrayList<>();
      boolean placed = false;
      for (Expr f : p.factors()) {
        boolean ofBase = (f instanceof Expr.ScalarPower sp && sp.base().equals(base))
            || (f instanceof Expr.Power pw && pw.base().equals(base) && shapes.isScalar(f))
            || (f.equals(base));
        if (!ofBase) {
          factors.add(f);
        } else if (!placed) {
          factors.add(new Expr.ScalarPower(base, Exprs.sum(entry.getValue())));
          placed = true;
        }
      }
      return Exprs.product(factors);
    }
    return e;
  }

  /** A*I = A; I' = I; inv(I) = I. */
  Expr removeIdentity(Expr e) {
    if (e instanceof Expr.Product p && p.factors().stream().anyMatch(f -> f instanceof Expr.Identity)) {
      List<Expr> kept = p.factors().stream().filter(f -> !(f instanceof Expr.Identity)).toList();
      if (kept.isEmpty()) {
        return e;
      }
      Expr without = Exprs.product(kept);
      // x'*a*I is a matrix, x'*a a scalar: the identity stays where it carries the shape
      return shapes.of(without).equals(shapes.of(e)) ? without : e;
    }
    if (e instanceof Expr.Transpose t && t.argument() instanceof Expr.Identity) {
      return t.argument();
    }
    if (e instanceof Expr.Inverse inv && inv.argument() instanceof Expr.Identity) {
      return inv.argument();
    }
    return e;
  }

  /** inv(A)*A = A*inv(A) = I inside a product; Q'Q = QQ' = I for an orthogonal Q. */
  Expr cancelInverses(Expr e) {
    if (!(e instanceof Expr.Product p)) {
      return e;
    }
    List<Expr> factors = p.factors();
    for (int i = 0; i + 1 < factors.size(); i++) {
      Expr a = factors.get(i);
      Expr b = factors.get(i + 1);
      boolean cancels = (a instanceof Expr.Inverse inv && inv.argument().equals(b))
          || (b instanceof Expr.Inverse inv2 && inv2.argument().equals(a))
          || (a instanceof Expr.Transpose ta && ta.argument().equals(b) && shapes.isOrthogonal(b))
          || (b instanceof Expr.Transpose tb && tb.argument().equals(a) && shapes.isOrthogonal(a));
      if (cancels && !shapes.isScalar(a)) {
        List<Expr> rest = new ArrayList<>(factors.subList(0, i));
        rest.addAll(factors.subList(i + 2, factors.size()));
        if (rest.stream().allMatch(shapes::isScalar)) {
          rest.add(new Expr.Identity(shapes.of(a).rows())); // sized: nothing around it tells its size
        }
        return Exprs.product(rest);
      }
    }
    return e;
  }

  /** Transposes go down to the symbols: (AB)' = B'A', (A')' = A, S' = S for symmetric S. */
  Expr pushTranspose(Expr e) {
    if (e instanceof Expr.Inverse inv && inv.argument() instanceof Expr.Transpose t) {
      return new Expr.Transpose(new Expr.Inverse(t.argument()));
    }
    if (!(e instanceof Expr.Transpose t)) {
      return e;
    }
    Expr a = t.argument();
    if (a instanceof Expr.Transpose inner) {
      return inner.argument();
    }
    if (a instanceof Expr.Differential) {
      return e;
    }
    if (shapes.isScalar(a) || shapes.isSymmetric(a)) {
      return a;
    }
    if (a instanceof Expr.Sum s) {
      Expr distributed = Exprs.sum(s.terms().stream().map(Exprs::transpose).toList());
      if (expand) {
        return distributed;
      }
      // (x - mu)' reads better than x' - mu'; (a'*X + b')' reads worse than X'*a + b
      Expr pushed = depth > 2 ? distributed : Children.map(distributed, this::applyRulesShallow);
      return transposes(pushed) < transposes(e) ? pushed : e;
    }
    if (a instanceof Expr.Product p) {
      List<Expr> reversed = new ArrayList<>();
      for (int i = p.factors().size() - 1; i >= 0; i--) {
        Expr f = p.factors().get(i);
        reversed.add(f instanceof Expr.Number ? f : new Expr.Transpose(f));
      }
      reversed.sort(Comparator.comparing(f -> f instanceof Expr.Number ? 0 : 1));
      return Exprs.product(reversed);
    }
    if (a instanceof Expr.Hadamard h) {
      return new Expr.Hadamard(h.factors().stream().map(Exprs::transpose).toList());
    }
    if (a instanceof Expr.HadamardQuotient q) {
      return new Expr.HadamardQuotient(Exprs.transpose(q.numerator()), Exprs.transpose(q.denominator()));
    }
    if (a instanceof Expr.Apply f) {
      return new Expr.Apply(f.function(), Exprs.transpose(f.argument()));
    }
    if (a instanceof Expr.ElementPower p) {
      return new Expr.ElementPower(Exprs.transpose(p.base()), p.exponent());
    }
    if (a instanceof Expr.Power p) {
      return new Expr.Power(Exprs.transpose(p.base()), p.exponent());
    }
    if (a instanceof Expr.Zeros z) {
      return new Expr.Zeros(z.cols(), z.rows());
    }
    if (a instanceof Expr.MatrixLiteral m) {
      List<List<Expr>> columns = new ArrayList<>();
      for (int j = 0; j < m.rows().get(0).size(); j++) {
        List<Expr> column = new ArrayList<>();
        for (List<Expr> row : m.rows()) {
          column.add(Exprs.transpose(row.get(j)));
        }
        columns.add(column);
      }
      return new Expr.MatrixLiteral(columns);
    }
    return e;
  }

  /** inv(inv(A)) = A; inv(Q) = Q' for orthogonal Q; a scalar's inverse is its reciprocal; X^-1 of a matrix is inv(X). */
  Expr simplifyInverse(Expr e) {
    if (e instanceof Expr.Inverse inv) {
      Expr a = inv.argument();
      if (a instanceof Expr.Inverse inner) {
        return inner.argument();
      }
      if (a instanceof Expr.Number n && Double.isFinite(1 / n.value())) {
        return Exprs.number(1 / n.value());
      }
      if (shapes.isOrthogonal(a)) {
        return new Expr.Transpose(a);
      }
      if (shapes.isScalar(a)) {
        return new Expr.Power(a, -1);
      }
    }
    if (e instanceof Expr.Power p && p.exponent() == -1 && !shapes.isScalar(p.base())) {
      return new Expr.Inverse(p.base());
    }
    return e;
  }

  /** x^1 = x; x^0 = 1; (s^a)^b = s^(ab) for scalars. */
  Expr simplifyPower(Expr e) {
    if (!(e instanceof Expr.Power p)) {
      if (e instanceof Expr.ElementPower ep && ep.exponent() == 1) {
        return ep.base();
      }
      return e;
    }
    if (p.exponent() == 1) {
      return p.base();
    }
    if (p.exponent() == 0) {
      return shapes.isScalar(p.base()) ? Exprs.ONE : new Expr.Identity(shapes.of(p.base()).rows());
    }
    if (p.base() instanceof Expr.Power inner && shapes.isScalar(inner.base())
        && p.exponent() == Math.rint(p.exponent())) {
      return new Expr.Power(inner.base(), inner.exponent() * p.exponent());
    }
    return e;
  }

  /** tr(s) = s; tr(A + B) = tr(A) + tr(B); tr(cA) = c tr(A); tr(A') = tr(A); tr(A⊗B) = tr(A)tr(B). */
  Expr simplifyTrace(Expr e) {
    if (!(e instanceof Expr.Trace t)) {
      return e;
    }
    Expr a = t.argument();
    if (shapes.isScalar(a)) {
      return a;
    }
    if (a instanceof Expr.Sum s) {
      return Exprs.sum(s.terms().stream().map(x -> (Expr) new Expr.Trace(x)).toList());
    }
    if (a instanceof Expr.Transpose inner) {
      return new Expr.Trace(inner.argument());
    }
    if (a instanceof Expr.Kron k) {
      return Exprs.product(new Expr.Trace(k.left()), new Expr.Trace(k.right()));
    }
    if (a instanceof Expr.Product p) {
      List<Expr> scalars = p.factors().stream().filter(shapes::isScalar).toList();
      if (!scalars.isEmpty()) {
        List<Expr> chain = p.factors().stream().filter(f -> !shapes.isScalar(f)).toList();
        List<Expr> factors = new ArrayList<>(scalars);
        factors.add(new Expr.Trace(Exprs.product(chain)));
        return Exprs.product(factors);
      }
    }
    return e;
  }

  /** <a, b> = a*b for scalars and a'*b for vectors. */
  Expr innerToProduct(Expr e) {
    if (!(e instanceof Expr.Inner i)) {
      return e;
    }
    Shape shape = shapes.of(i.left());
    if (shape.isScalar()) {
      return Exprs.product(i.left(), i.right());
    }
    if (shape.isColumn()) {
      return Exprs.product(new Expr.Transpose(i.left()), i.right());
    }
    return e;
  }

  /** det(A') = det(A); logdet(A') = logdet(A). */
  Expr simplifyDeterminant(Expr e) {
    if (e instanceof Expr.Det d && d.argument() instanceof Expr.Transpose t) {
      return new Expr.Det(t.argument());
    }
    if (e instanceof Expr.LogDet d && d.argument() instanceof Expr.Transpose t) {
      return new Expr.LogDet(t.argument());
    }
    return e;
  }

  /**
   * kron(s, B) = s B for a scalar s; scalars come out: kron(cA, B) = c kron(A, B); (A ⊗ B)' =
   * A' ⊗ B'; I(m) ⊗ I(n) = I(mn).
   */
  Expr simplifyKron(Expr e) {
    if (e instanceof Expr.Transpose t && t.argument() instanceof Expr.Kron k) {
      return new Expr.Kron(Exprs.transpose(k.left()), Exprs.transpose(k.right()));
    }
    if (!(e instanceof Expr.Kron k)) {
      return e;
    }
    if (shapes.isScalar(k.left())) {
      return Exprs.product(k.left(), k.right());
    }
    if (shapes.isScalar(k.right())) {
      return Exprs.product(k.right(), k.left());
    }
    if (k.left() instanceof Expr.Identity a && k.right() instanceof Expr.Identity b
        && a.size() != null && b.size() != null) {
      return new Expr.Identity(Size.product(a.size(), b.size()));
    }
    List<Expr> scalars = new ArrayList<>();
    Expr left = withoutScalars(k.left(), scalars);
    Expr right = withoutScalars(k.right(), scalars);
    if (scalars.isEmpty()) {
      return e;
    }
    scalars.add(new Expr.Kron(left, right));
    return Exprs.product(scalars);
  }

  /** e without its scalar factors, which are added to scalars; e itself when it has none. */
  private Expr withoutScalars(Expr e, List<Expr> scalars) {
    if (!(e instanceof Expr.Product p) || p.factors().stream().noneMatch(shapes::isScalar)
        || p.factors().stream().allMatch(shapes::isScalar)) {
      return e;
    }
    p.factors().stream().filter(shapes::isScalar).forEach(scalars::add);
    return Exprs.product(p.factors().stream().filter(f -> !shapes.isScalar(f)).toList());
  }

  /** vec(u) = u for a column u; vec(r) = r' for a row r; vec(s) = s. */
  Expr simplifyVec(Expr e) {
    if (!(e instanceof Expr.Vec v)) {
      return e;
    }
    Shape shape = shapes.of(v.argument());
    if (shape.cols().isOne()) {
      return v.argument();
    }
    if (shape.rows().isOne()) {
      return Exprs.transpose(v.argument());
    }
    return e;
  }

  /**
   * The commutation matrix: K(m, n)' = inv(K(m, n)) = K(n, m); K(1, n) = K(n, 1) = I(n);
   * K(m, n) K(n, m) = I(mn).
   */
  Expr simplifyCommutation(Expr e) {
    if (e instanceof Expr.Commutation k) {
      if (k.rows().isOne() || k.cols().isOne()) {
        return new Expr.Identity(Size.product(k.rows(), k.cols()));
      }
      return e;
    }
    if (e instanceof Expr.Transpose t && t.argument() instanceof Expr.Commutation k) {
      return new Expr.Commutation(k.cols(), k.rows());
    }
    if (e instanceof Expr.Inverse inv && inv.argument() instanceof Expr.Commutation k) {
      return new Expr.Commutation(k.cols(), k.rows());
    }
    if (e instanceof Expr.Product p) {
      List<Expr> factors = p.factors();
      for (int i = 0; i + 1 < factors.size(); i++) {
        if (factors.get(i) instanceof Expr.Commutation a && factors.get(i + 1) instanceof Expr.Commutation b
            && a.rows().equals(b.cols()) && a.cols().equals(b.rows())) {
          List<Expr> rest = new ArrayList<>(factors.subList(0, i));
          rest.add(new Expr.Identity(Size.product(a.rows(), a.cols())));
          rest.addAll(factors.subList(i + 2, factors.size()));
          return Exprs.product(rest);
        }
      }
    }
    return e;
  }

  /**
   * Scalars come out of entry-wise products: (s a) .* b = s (a .* b); a .* ones = a;
   * a .* a.^-1 = ones; exp(u) .* (ones + exp(u)).^-1 = sigmoid(u).
   */
  Expr simplifyHadamard(Expr e) {
    if (!(e instanceof Expr.Hadamard h)) {
      return e;
    }
    List<Expr> kept = h.factors().stream().filter(f -> !isAllOnes(f)).toList();
    if (kept.size() < h.factors().size() && !kept.isEmpty()) {
      return kept.size() == 1 ? kept.get(0) : new Expr.Hadamard(kept);
    }
    for (int i = 0; i < kept.size(); i++) {
      for (int j = 0; j < kept.size(); j++) {
        Expr a = kept.get(i);
        Expr b = kept.get(j);
        if (i == j || !(b instanceof Expr.ElementPower inverse) || inverse.exponent() != -1) {
          continue;
        }
        Expr replacement = null;
        if (inverse.base().equals(a)) {
          replacement = new Expr.Ones(null);
        } else if (a instanceof Expr.Apply exp && exp.function() == Expr.Function.EXP
            && inverse.base() instanceof Expr.Sum sum && sum.terms().size() == 2
            && sum.terms().contains(a) && sum.terms().stream().anyMatch(this::isAllOnes)) {
          replacement = new Expr.Apply(Expr.Function.SIGMOID, exp.argument());
        }
        if (replacement != null) {
          List<Expr> rest = new ArrayList<>(kept);
          rest.remove(Math.max(i, j));
          rest.remove(Math.min(i, j));
          if (replacement instanceof Expr.Ones && !rest.isEmpty()) {
            return rest.size() == 1 ? rest.get(0) : new Expr.Hadamard(rest);
          }
          rest.add(replacement);
          return rest.size() == 1 ? rest.get(0) : new Expr.Hadamard(rest);
        }
      }
    }
    List<Expr> scalars = new ArrayList<>();
    List<Expr> factors = new ArrayList<>();
    for (Expr f : h.factors()) {
      if (f instanceof Expr.Product p && p.factors().stream().anyMatch(shapes::isScalar)
          && !p.factors().stream().allMatch(shapes::isScalar)) {
        p.factors().stream().filter(shapes::isScalar).forEach(scalars::add);
        factors.add(Exprs.product(p.factors().stream().filter(x -> !shapes.isScalar(x)).toList()));
      } else {
        factors.add(f);
      }
    }
    if (scalars.isEmpty()) {
      return e;
    }
    scalars.add(new Expr.Hadamard(factors));
    return Exprs.product(scalars);
  }

  /** ones, or ones*ones' (a matrix of ones). */
  private boolean isAllOnes(Expr e) {
    return e instanceof Expr.Ones
        || (e instanceof Expr.Product p && p.factors().size() == 2
            && p.factors().get(0) instanceof Expr.Ones
            && p.factors().get(1) instanceof Expr.Transpose t && t.argument() instanceof Expr.Ones);
  }

  /** exp(z) / (ones'*exp(z)) = exp(z) / sum(exp(z)) = softmax(z). */
  Expr recognizeSoftmax(Expr e) {
    if (!(e instanceof Expr.Product p)) {
      return e;
    }
    for (Expr f : p.factors()) {
      if (f instanceof Expr.Power pw && pw.exponent() == -1) {
        Expr z = sumOfExp(pw.base());
        Expr exp = z == null ? null : new Expr.Apply(Expr.Function.EXP, z);
        if (exp != null && p.factors().contains(exp)) {
          List<Expr> factors = new ArrayList<>(p.factors());
          int at = factors.indexOf(exp);
          factors.set(at, new Expr.Softmax(z));
          factors.remove(f);
          return Exprs.product(factors);
        }
      }
    }
    return e;
  }

  /** z when e is sum(exp(z)), ones'*exp(z) or exp(z)'*ones; otherwise null. */
  private static Expr sumOfExp(Expr e) {
    Expr inside = null;
    if (e instanceof Expr.SumAll s) {
      inside = s.argument();
    } else if (e instanceof Expr.Product p && p.factors().size() == 2) {
      if (p.factors().get(0) instanceof Expr.Transpose t && t.argument() instanceof Expr.Ones) {
        inside = p.factors().get(1);
      } else if (p.factors().get(1) instanceof Expr.Ones
          && p.factors().get(0) instanceof Expr.Transpose t) {
        inside = t.argument();
      }
    }
    return inside instanceof Expr.Apply a && a.function() == Expr.Function.EXP ? a.argument() : null;
  }

  /** a'*(b .* a.^-1) = ones'*b = sum(b): the inner product moves a across, and it cancels. */
  Expr onesInnerIsSum(Expr e) {
    if (!(e instanceof Expr.Product p)) {
      return e;
    }
    List<Expr> factors = p.factors();
    for (int i = 0; i + 1 < factors.size(); i++) {
      if (factors.get(i) instanceof Expr.Transpose t && factors.get(i + 1) instanceof Expr.Hadamard h
          && shapes.of(t.argument()).isColumn()) {
        Expr inverse = new Expr.ElementPower(t.argument(), -1);
        if (h.factors().contains(inverse)) {
          List<Expr> rest = new ArrayList<>(h.factors());
          rest.remove(inverse);
          List<Expr> out = new ArrayList<>(factors);
          out.set(i, new Expr.SumAll(rest.size() == 1 ? rest.get(0) : new Expr.Hadamard(rest)));
          out.remove(i + 1);
          return Exprs.product(out);
        }
      }
      if (factors.get(i) instanceof Expr.Transpose t && t.argument() instanceof Expr.Ones
          && factors.size() == 2 && shapes.of(factors.get(1)).isColumn()) {
        return new Expr.SumAll(factors.get(1));
      }
    }
    return e;
  }

  /** A sum reads with a positive term first: -y + s is written s - y. */
  Expr positiveFirst(Expr e) {
    if (expand || !(e instanceof Expr.Sum s) || !TextPrinter.isNegative(s.terms().get(0))) {
      return e;
    }
    for (int i = 1; i < s.terms().size(); i++) {
      if (!TextPrinter.isNegative(s.terms().get(i))) {
        List<Expr> terms = new ArrayList<>(s.terms());
        terms.add(0, terms.remove(i));
        return new Expr.Sum(terms);
      }
    }
    return e;
  }

  /** A*x + A*x = 2*A*x; 3*x - x = 2*x. */
  Expr collectLikeTerms(Expr e) {
    if (!(e instanceof Expr.Sum s)) {
      return e;
    }
    Map<Expr, Double> coefficients = new LinkedHashMap<>();
    for (Expr term : s.terms()) {
      coefficients.merge(rest(term), coefficient(term), Double::sum);
    }
    if (coefficients.size() == s.terms().size()
        || coefficients.values().stream().anyMatch(c -> !Double.isFinite(c))) {
      return e;
    }
    List<Expr> terms = new ArrayList<>();
    coefficients.forEach((rest, c) -> {
      if (c != 0) {
        terms.add(withCoefficient(c, rest));
      }
    });
    return Exprs.sum(terms);
  }

  static double coefficient(Expr term) {
    if (term instanceof Expr.Number n) {
      return n.value();
    }
    if (term instanceof Expr.Product p && p.factors().get(0) instanceof Expr.Number n) {
      return n.value();
    }
    return 1;
  }

  static Expr rest(Expr term) {
    if (term instanceof Expr.Number) {
      return Exprs.ONE;
    }
    if (term instanceof Expr.Product p && p.factors().get(0) instanceof Expr.Number) {
      return Exprs.product(p.factors().subList(1, p.factors().size()));
    }
    return term;
  }

  static Expr withCoefficient(double c, Expr rest) {
    if (c == 1) {
      return rest;
    }
    if (Exprs.isNumber(rest, 1)) {
      return Exprs.number(c);
    }
    List<Expr> factors = new ArrayList<>();
    factors.add(Exprs.number(c));
    if (rest instanceof Expr.Product p) {
      factors.addAll(p.factors());
    } else {
      factors.add(rest);
    }
    return new Expr.Product(factors);
  }

  /**
   * A*x + A'*x = (A + A')*x and X*b + X*c = X*(b + c); -2*a - 2*b = -2*(a + b). Only when every
   * term shares the factor, so nothing is expanded to find one.
   */
  Expr factorCommon(Expr e) {
    if (!(e instanceof Expr.Sum s)) {
      return e;
    }
    double first = coefficient(s.terms().get(0));
    if (Math.abs(first) != 1
        && s.terms().stream().allMatch(t -> Math.abs(coefficient(t)) == Math.abs(first))) {
      // -2*X'*Y + 2*X'*X*A = -2*X'*(Y - X*A), but 2*a + 2*b stays as it is
      Expr.Sum scaled = new Expr.Sum(s.terms().stream()
          .map(t -> withCoefficient(coefficient(t) / first, rest(t))).toList());
      Expr inner = factorCommonChain(scaled);
      if (inner != null) {
        return Exprs.product(Exprs.number(first), inner);
      }
    }
    Expr factored = factorCommonChain(s);
    return factored == null ? e : factored;
  }

  /**
   * The sum with a factor common to every term taken out, or null: a matrix factor on the left or
   * the right of every term's chain, or a scalar factor (such as det(X)) that every term has.
   */
  private Expr factorCommonChain(Expr.Sum s) {
    List<List<Expr>> scalars = new ArrayList<>();
    List<List<Expr>> chains = new ArrayList<>();
    for (Expr term : s.terms()) {
      List<Expr> factors = term instanceof Expr.Product p ? p.factors() : List.of(term);
      scalars.add(factors.stream().filter(shapes::isScalar).toList());
      chains.add(factors.stream().filter(f -> !shapes.isScalar(f)).toList());
    }
    Expr commonScalar = scalars.get(0).stream().filter(f -> !(f instanceof Expr.Number))
        .filter(f -> scalars.stream().allMatch(list -> list.contains(f))).findFirst().orElse(null);
    if (commonScalar != null) {
      List<Expr> remaining = new ArrayList<>();
      for (Expr term : s.terms()) {
        List<Expr> factors = new ArrayList<>(term instanceof Expr.Product p ? p.factors() : List.of(term));
        factors.remove(commonScalar);
        remaining.add(Exprs.product(factors));
      }
      return Exprs.product(commonScalar, Exprs.sum(remaining));
    }
    if (chains.stream().anyMatch(c -> c.size() < 2)) {
      return null;
    }
    Expr right = chains.get(0).get(chains.get(0).size() - 1);
    if (chains.stream().allMatch(c -> c.get(c.size() - 1).equals(right))) {
      List<Expr> remaining = new ArrayList<>();
      for (int i = 0; i < chains.size(); i++) {
        List<Expr> factors = new ArrayList<>(scalars.get(i));
        factors.addAll(chains.get(i).subList(0, chains.get(i).size() - 1));
        remaining.add(Exprs.product(factors));
      }
      return Exprs.product(Exprs.sum(remaining), right);
    }
    Expr left = chains.get(0).get(0);
    if (chains.stream().allMatch(c -> c.get(0).equals(left))) {
      List<Expr> remaining = new ArrayList<>();
      for (int i = 0; i < chains.size(); i++) {
        List<Expr> factors = new ArrayList<>(scalars.get(i));
        factors.addAll(chains.get(i).subList(1, chains.get(i).size()));
        remaining.add(Exprs.product(factors));
      }
      return Exprs.product(left, Exprs.sum(remaining));
    }
    return null;
  }

  /** (a + b)*c = a*c + b*c; (a + b)' pushed already; (a + b) .* c = a .* c + b .* c. */
  Expr distribute(Expr e) {
    if (e instanceof Expr.Product p) {
      for (int i = 0; i < p.factors().size(); i++) {
        if (p.factors().get(i) instanceof Expr.Sum s) {
          requireDistributable(e, s);
          List<Expr> terms = new ArrayList<>();
          for (Expr term : s.terms()) {
            List<Expr> factors = new ArrayList<>(p.factors());
            factors.set(i, term);
            terms.add(new Expr.Product(factors));
          }
          return new Expr.Sum(terms);
        }
      }
    }
    if (e instanceof Expr.Hadamard h) {
      for (int i = 0; i < h.factors().size(); i++) {
        if (h.factors().get(i) instanceof Expr.Sum s) {
          requireDistributable(e, s);
          List<Expr> terms = new ArrayList<>();
          for (Expr term : s.terms()) {
            List<Expr> factors = new ArrayList<>(h.factors());
            factors.set(i, term);
            terms.add(new Expr.Hadamard(factors));
          }
          return new Expr.Sum(terms);
        }
      }
      List<Expr> sorted = new ArrayList<>(h.factors());
      sorted.sort(Comparator.comparing(TextPrinter::print));
      return sorted.equals(h.factors()) ? e : new Expr.Hadamard(sorted);
    }
    if (e instanceof Expr.Inner i && !(i.left() instanceof Expr.Sum) && !(i.right() instanceof Expr.Sum)) {
      return new Expr.Trace(Exprs.product(new Expr.Transpose(i.left()), i.right()));
    }
    if (e instanceof Expr.Inner i) {
      return new Expr.Trace(Exprs.product(new Expr.Transpose(i.left()), i.right()));
    }
    if (e instanceof Expr.Trace t && t.argument() instanceof Expr.Product p) {
      // the cyclic property: choose the rotation that prints first
      List<Expr> best = p.factors();
      String bestText = TextPrinter.print(p);
      for (int r = 1; r < p.factors().size(); r++) {
        List<Expr> rotated = new ArrayList<>(p.factors().subList(r, p.factors().size()));
        rotated.addAll(p.factors().subList(0, r));
        String text = TextPrinter.print(new Expr.Product(rotated));
        if (text.compareTo(bestText) < 0) {
          best = rotated;
          bestText = text;
        }
      }
      return best == p.factors() ? e : new Expr.Trace(new Expr.Product(best));
    }
    return e;
  }

  /**
   * Distributing product (a matrix, entry-wise or Kronecker product) over its factor sum gives one
   * copy of the rest of product per term of sum: its size is known before it is built, and checked
   * then.
   */
  private void requireDistributable(Expr product, Expr.Sum sum) {
    long rest = nodes.count(product) - nodes.count(sum);
    long size = 1;
    for (Expr term : sum.terms()) {
      size += rest + nodes.count(term);
    }
    if (size > Limits.MAX_EXPRESSION_SIZE) {
      throw nodes.tooLarge("the expanded form");
    }
  }

  /** (A + B) ⊗ C = A ⊗ C + B ⊗ C and A ⊗ (B + C) = A ⊗ B + A ⊗ C. */
  Expr distributeKron(Expr e) {
    if (!(e instanceof Expr.Kron k)) {
      return e;
    }
    if (k.left() instanceof Expr.Sum s) {
      requireDistributable(e, s);
      return new Expr.Sum(s.terms().stream().map(t -> (Expr) new Expr.Kron(t, k.right())).toList());
    }
    if (k.right() instanceof Expr.Sum s) {
      requireDistributable(e, s);
      return new Expr.Sum(s.terms().stream().map(t -> (Expr) new Expr.Kron(k.left(), t)).toList());
    }
    return e;
  }

  /** The canonical order of terms, by their printed text. */
  Expr sortTerms(Expr e) {
    if (!(e instanceof Expr.Sum s)) {
      return e;
    }
    List<Expr> sorted = new ArrayList<>(s.terms());
    sorted.sort(Comparator.comparing((Expr t) -> TextPrinter.print(rest(t)))
        .thenComparing(t -> coefficient(t)));
    return sorted.equals(s.terms()) ? e : new Expr.Sum(sorted);
  }
}
