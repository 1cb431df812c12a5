package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.List;

/** The rules for traces and inner products. */
final class TraceRules {

  private TraceRules() {}

  static final Rule<Expr.Trace> OF_SCALAR = Rule.of("traceOfScalar", Expr.Trace.class,
      "tr(s) = s", TraceRules::ofScalar);
  static final Rule<Expr.Trace> OF_SUM = Rule.of("traceOfSum", Expr.Trace.class,
      "tr(A + B) = tr(A) + tr(B)", TraceRules::ofSum);
  static final Rule<Expr.Trace> OF_TRANSPOSE = Rule.of("traceOfTranspose", Expr.Trace.class,
      "tr(A') = tr(A)", TraceRules::ofTranspose);
  static final Rule<Expr.Trace> OF_KRON = Rule.of("traceOfKron", Expr.Trace.class,
      "tr(A ⊗ B) = tr(A) tr(B)", TraceRules::ofKron);
  static final Rule<Expr.Trace> SCALARS_OUT = Rule.of("scalarsOutOfTrace", Expr.Trace.class,
      "tr(c A) = c tr(A)", TraceRules::scalarsOut);
  static final Rule<Expr.Trace> CYCLIC_ORDER = Rule.of("cyclicTraceOrder", Expr.Trace.class,
      "tr(AB) = tr(BA)", TraceRules::cyclicOrder);
  static final Rule<Expr.Inner> INNER_TO_PRODUCT = Rule.of("innerToProduct", Expr.Inner.class,
      "<a, b> = a'b for vectors and scalars", TraceRules::innerToProduct);
  static final Rule<Expr.Inner> INNER_TO_TRACE = Rule.of("innerToTrace", Expr.Inner.class,
      "<A, B> = tr(A'B)", TraceRules::innerToTrace);

  static Expr ofScalar(Expr.Trace t, Rewriting run) {
    return run.shapes().isScalar(t.argument()) ? t.argument() : t;
  }

  static Expr ofSum(Expr.Trace t, Rewriting run) {
    return t.argument() instanceof Expr.Sum s
        ? Exprs.sum(s.terms().stream().map(x -> (Expr) new Expr.Trace(x)).toList()) : t;
  }

  static Expr ofTranspose(Expr.Trace t, Rewriting run) {
    return t.argument() instanceof Expr.Transpose inner ? new Expr.Trace(inner.argument()) : t;
  }

  static Expr ofKron(Expr.Trace t, Rewriting run) {
    return t.argument() instanceof Expr.Kron k
        ? Exprs.product(new Expr.Trace(k.left()), new Expr.Trace(k.right())) : t;
  }

  static Expr scalarsOut(Expr.Trace t, Rewriting run) {
    Shapes shapes = run.shapes();
    if (!(t.argument() instanceof Expr.Product p) || ExprLists.noneMatch(p.factors(), shapes::isScalar)) {
      return t;
    }
    List<Expr> chain = ExprLists.filter(p.factors(), f -> !shapes.isScalar(f));
    List<Expr> factors = ExprLists.filter(p.factors(), shapes::isScalar);
    factors.add(new Expr.Trace(Exprs.product(chain)));
    return Exprs.product(factors);
  }

  /** The cyclic property, for the normal form: of the rotations of the product, the first in the structural order. */
  static Expr cyclicOrder(Expr.Trace t, Rewriting run) {
    if (!(t.argument() instanceof Expr.Product p)) {
      return t;
    }
    List<Expr> factors = p.factors();
    int n = factors.size();
    int best = 0;
    for (int r = 1; r < n; r++) {
      if (compareRotations(factors, r, best) < 0) {
        best = r;
      }
    }
    if (best == 0) {
      return t;
    }
    List<Expr> rotated = new ArrayList<>(factors.subList(best, n));
    rotated.addAll(factors.subList(0, best));
    return new Expr.Trace(new Expr.Product(rotated));
  }

  /** The rotations of factors starting at a and at b, compared factor by factor. */
  private static int compareRotations(List<Expr> factors, int a, int b) {
    int n = factors.size();
    for (int i = 0; i < n; i++) {
      int c = ExprOrder.INSTANCE.compare(factors.get((a + i) % n), factors.get((b + i) % n));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  static Expr innerToProduct(Expr.Inner i, Rewriting run) {
    Shape shape = run.shapes().of(i.left());
    if (shape.isScalar()) {
      return Exprs.product(i.left(), i.right());
    }
    if (shape.isColumn()) {
      return Exprs.product(new Expr.Transpose(i.left()), i.right());
    }
    return i;
  }

  static Expr innerToTrace(Expr.Inner i, Rewriting run) {
    return new Expr.Trace(Exprs.product(new Expr.Transpose(i.left()), i.right()));
  }
}
