package org.matrixcalculustutor.calculus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.ExpressionException;
import org.matrixcalculustutor.algebra.Exprs;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.Shapes;

/**
 * Reads a gradient off a differential that is linear in dX: writes df = &lt;P, Q(dX)&gt; and moves
 * every factor of Q into the left slot until Q is dX, using
 *
 * <ul>
 *   <li>&lt;P, L Q R&gt; = &lt;L' P R', Q&gt; (the cyclic trace, moving factors by transposing),
 *   <li>&lt;P, Q'&gt; = &lt;P', Q&gt;, tr(M') = tr(M),
 *   <li>&lt;P, S ⊙ Q&gt; = &lt;P ⊙ S, Q&gt; and &lt;P, Q ⊘ S&gt; = &lt;P ⊘ S, Q&gt;,
 *   <li>&lt;p, tr Q&gt; = &lt;p I, Q&gt;, &lt;p, sum Q&gt; = &lt;p 1 1', Q&gt;, a scalar is its own trace.
 * </ul>
 *
 * The same peeling gives the Jacobian of a vector function: dy = J dx.
 */
final class TraceTrick {

  private final Expr.Differential dx;
  private final Shapes shapes;
  private final Set<String> rulesUsed = new LinkedHashSet<>();

  TraceTrick(Expr.Differential dx, Shapes shapes) {
    this.dx = dx;
    this.shapes = shapes;
  }

  /** The rules the last reading used, for the derivation. */
  Set<String> rulesUsed() {
    return rulesUsed;
  }

  private boolean hasDx(Expr e) {
    return Children.any(e, x -> x.equals(dx));
  }

  /** The terms G_i with &lt;p, q&gt; = Σ &lt;G_i, dX&gt;. */
  List<Expr> gradientTerms(Expr p, Expr q) {
    List<Expr> out = new ArrayList<>();
    peel(p, q, out);
    return out;
  }

  private void peel(Expr p, Expr q, List<Expr> out) {
    if (!hasDx(q)) {
      return;
    }
    if (q.equals(dx)) {
      out.add(p);
      return;
    }
    if (q instanceof Expr.Sum s) {
      for (Expr term : s.terms()) {
        peel(p, term, out);
      }
      return;
    }
    if (q instanceof Expr.Product product) {
      peelProduct(p, product, out);
      return;
    }
    if (q instanceof Expr.Transpose t) {
      rulesUsed.add("<A, B'> = <A', B>");
      peel(transposed(p), t.argument(), out);
      return;
    }
    if (q instanceof Expr.Hadamard h) {
      List<Expr> others = new ArrayList<>();
      Expr inner = null;
      for (Expr f : h.factors()) {
        if (hasDx(f)) {
          if (inner != null) {
            throw notLinear(q);
          }
          inner = f;
        } else {
          others.add(f);
        }
      }
      others.add(0, p);
      rulesUsed.add("<A, B ⊙ C> = <A ⊙ B, C>");
      peel(new Expr.Hadamard(others), inner, out);
      return;
    }
    if (q instanceof Expr.HadamardQuotient hq && !hasDx(hq.denominator())) {
      rulesUsed.add("<A, B ⊘ C> = <A ⊘ C, B>");
      peel(new Expr.HadamardQuotient(p, hq.denominator()), hq.numerator(), out);
      return;
    }
    if (q instanceof Expr.Trace t) {
      rulesUsed.add("p tr(M) = <p I, M>");
      Shape inner = shapes.of(t.argument());
      peel(inner.isScalar() ? p : times(p, new Expr.Identity(inner.rows())), t.argument(), out);
      return;
    }
    if (q instanceof Expr.Inner i) {
      if (hasDx(i.left()) && hasDx(i.right())) {
        throw notLinear(q);
      }
      rulesUsed.add("p <A, B> = <p A, B>");
      if (hasDx(i.right())) {
        peel(times(p, i.left()), i.right(), out);
      } else {
        peel(times(p, i.right()), i.left(), out);
      }
      return;
    }
    if (q instanceof Expr.SumAll s) {
      Shape inner = shapes.of(s.argument());
      rulesUsed.add("sum(M) = <1 1', M>");
      Expr ones;
      if (inner.isScalar()) {
        ones = Exprs.ONE;
      } else if (inner.cols().isOne()) {
        ones = new Expr.Ones(inner.rows());
      } else {
        ones = Exprs.product(new Expr.Ones(inner.rows()), new Expr.Transpose(new Expr.Ones(inner.cols())));
      }
      peel(times(p, ones), s.argument(), out);
      return;
    }
    if (q instanceof Expr.Diag d) {
      rulesUsed.add("<P, diag(v)> = <diag(P), v>");
      peel(new Expr.Diag(p), d.argument(), out);
      return;
    }
    throw new ExpressionException("cannot read the gradient off through " + describe(q)
        + ": the engine reads off sums, products, transposes, traces, inner products, sums of"
        + " entries, diag and entry-wise products");
  }

  private void peelProduct(Expr p, Expr.Product q, List<Expr> out) {
    List<Expr> factors = q.factors();
    int index = factorWithDx(q, factors);
    Expr inner = factors.get(index);
    List<Expr> others = new ArrayList<>(factors);
    others.remove(index);
    if (shapes.isScalar(inner)) {
      // a scalar factor commutes: <P, s M> = <<P, M>, s>
      Expr rest = Exprs.product(others);
      rulesUsed.add("a scalar is its own trace");
      peel(shapes.isScalar(rest) && shapes.isScalar(p) ? times(p, rest) : new Expr.Inner(p, rest), inner, out);
      return;
    }
    List<Expr> left = factors.subList(0, index);
    List<Expr> right = factors.subList(index + 1, factors.size());
    List<Expr> moved = new ArrayList<>();
    Expr scale = left.isEmpty() && right.isEmpty() ? null : scaleOfIdentity(p);
    if (scale != null && !Exprs.isNumber(scale, 1)) { // L' (s I) R' = s L' R': no identity beside factors
      moved.add(scale);
    }
    if (!left.isEmpty()) {
      moved.add(transposed(Exprs.product(left)));
    }
    if (scale == null && (!Exprs.isNumber(p, 1) || (left.isEmpty() && right.isEmpty()))) {
      moved.add(p);
    }
    if (!right.isEmpty()) {
      moved.add(transposed(Exprs.product(right)));
    }
    if (!left.isEmpty() || !right.isEmpty()) {
      rulesUsed.add("cyclic trace: <P, A Q B> = <A' P B', Q>");
    }
    peel(Exprs.product(spliced(moved)), inner, out);
  }

  /**
   * p q, without the factor 1 that reading off starts from: the gradient terms come out as the
   * simplifier would leave them, and it has less to undo (1*(A*x)'' took it six rewrites).
   */
  private static Expr times(Expr p, Expr q) {
    return Exprs.isNumber(p, 1) ? q : Exprs.product(p, q);
  }

  /** The factors with each product among them that may be spliced written out flat: X*(c*b') is X*c*b'. */
  private List<Expr> spliced(List<Expr> factors) {
    List<Expr> flat = new ArrayList<>(factors.size() + 2);
    for (Expr f : factors) {
      if (shapes.splices(f)) {
        flat.addAll(((Expr.Product) f).factors());
      } else {
        flat.add(f);
      }
    }
    return flat;
  }

  /**
   * s for p = s I (or 1 for p = I), where s is a scalar: the left slot after a trace; else null.
   */
  private Expr scaleOfIdentity(Expr p) {
    if (p instanceof Expr.Identity) {
      return Exprs.ONE;
    }
    if (p instanceof Expr.Product product && product.factors().size() == 2
        && product.factors().get(1) instanceof Expr.Identity && shapes.isScalar(product.factors().get(0))) {
      return product.factors().get(0);
    }
    return null;
  }

  /**
   * e', written as the simplifier would leave it: a scalar or a symmetric e as it is, no transpose
   * of a transpose, and the transpose of a product as the product of the factors' transposes in
   * reverse, (A B)' = B' A', numbers first.
   */
  private Expr transposed(Expr e) {
    if (e instanceof Expr.Transpose t) {
      return t.argument();
    }
    if (shapes.isScalar(e) || shapes.isSymmetric(e)) {
      return e;
    }
    if (e instanceof Expr.Product product) {
      List<Expr> numbers = new ArrayList<>();
      List<Expr> reversed = new ArrayList<>();
      for (int i = product.factors().size() - 1; i >= 0; i--) {
        Expr f = product.factors().get(i);
        if (f instanceof Expr.Number) {
          numbers.add(f);
        } else {
          reversed.add(transposed(f));
        }
      }
      numbers.addAll(reversed);
      return Exprs.product(numbers);
    }
    return Exprs.transpose(e);
  }

  /** The Jacobian J (numerator layout) with q = J dx, for a vector q linear in dx. */
  Expr jacobian(Expr q, Expr identity) {
    if (!hasDx(q)) {
      return Exprs.ZERO;
    }
    if (q.equals(dx)) {
      return identity;
    }
    if (q instanceof Expr.Sum s) {
      return Exprs.sum(s.terms().stream().filter(this::hasDx).map(t -> jacobian(t, identity)).toList());
    }
    if (q instanceof Expr.Product product) {
      List<Expr> factors = product.factors();
      int index = factorWithDx(q, factors);
      Expr inner = factors.get(index);
      if (inner instanceof Expr.Sum s) {
        // (L (a + b) R) dx = L a R dx + L b R dx
        List<Expr> terms = new ArrayList<>();
        for (Expr term : s.terms()) {
          List<Expr> distributed = new ArrayList<>(factors.subList(0, index));
          distributed.addAll(shapes.splices(term) ? ((Expr.Product) term).factors() : List.of(term));
          distributed.addAll(factors.subList(index + 1, factors.size()));
          terms.add(Exprs.product(distributed));
        }
        return jacobian(Exprs.sum(terms), identity);
      }
      // the smallest run of factors around dx that is a scalar, such as dx'*a in x*dx'*a
      for (int width = 1; width <= factors.size(); width++) {
        for (int start = Math.max(0, index - width + 1); start <= index && start + width <= factors.size(); start++) {
          Expr group = Exprs.product(factors.subList(start, start + width));
          if (width < factors.size() && shapes.multipliesToScalar(group)) {
            List<Expr> others = new ArrayList<>(factors.subList(0, start));
            others.addAll(factors.subList(start + width, factors.size()));
            Expr gradient = Exprs.sum(gradientTerms(Exprs.ONE, group));
            return Exprs.product(Exprs.product(others), Exprs.transpose(gradient));
          }
        }
      }
      List<Expr> left = new ArrayList<>(factors.subList(0, index));
      List<Expr> right = factors.subList(index + 1, factors.size());
      if (right.isEmpty() || shapes.isScalar(Exprs.product(right))) {
        if (!right.isEmpty()) {
          // one scalar factor (x'*a): spliced flat, a transpose or a factor in front would read L*x'
          left.add(0, Exprs.product(right));
        }
        left.add(jacobian(inner, identity));
        return Exprs.product(left);
      }
      if (inner instanceof Expr.Diag d && shapes.of(Exprs.product(right)).isColumn()) {
        // diag(u) r = diag(r) u, r the column the factors to the right make
        left.add(new Expr.Diag(Exprs.product(right)));
        left.add(jacobian(d.argument(), identity));
        return Exprs.product(left);
      }
      throw notLinear(q);
    }
    if (q instanceof Expr.Hadamard h) {
      List<Expr> others = h.factors().stream().filter(f -> !hasDx(f)).toList();
      Expr inner = h.factors().stream().filter(this::hasDx).findFirst().orElseThrow();
      if (h.factors().size() - others.size() > 1) {
        throw notLinear(q);
      }
      Expr scale = others.size() == 1 ? others.get(0) : new Expr.Hadamard(others);
      return Exprs.product(new Expr.Diag(scale), jacobian(inner, identity));
    }
    if (q instanceof Expr.HadamardQuotient hq && !hasDx(hq.denominator())) {
      return Exprs.product(new Expr.Diag(new Expr.ElementPower(hq.denominator(), -1)),
          jacobian(hq.numerator(), identity));
    }
    if (q instanceof Expr.MatrixLiteral m && m.rows().stream().allMatch(r -> r.size() == 1)) {
      List<List<Expr>> rows = new ArrayList<>();
      for (List<Expr> row : m.rows()) {
        rows.add(List.of(Exprs.transpose(Exprs.sum(gradientTerms(Exprs.ONE, row.get(0))))));
      }
      return new Expr.MatrixLiteral(rows);
    }
    throw new ExpressionException("cannot read the Jacobian off through " + describe(q));
  }

  /** The index of the one factor that holds dX; a product linear in dX has exactly one. */
  private int factorWithDx(Expr q, List<Expr> factors) {
    int index = -1;
    for (int i = 0; i < factors.size(); i++) {
      if (hasDx(factors.get(i))) {
        if (index >= 0) {
          throw notLinear(q);
        }
        index = i;
      }
    }
    return index;
  }

  private static String describe(Expr e) {
    String text = org.matrixcalculustutor.algebra.TextPrinter.print(e);
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  private static ExpressionException notLinear(Expr q) {
    return new ExpressionException("the differential " + describe(q) + " is not linear in the variable's differential");
  }
}
