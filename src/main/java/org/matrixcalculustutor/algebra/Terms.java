package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.List;

/** A term of a sum read as its numeric coefficient times the rest: -2*A*x is -2 times A*x. */
final class Terms {

  private Terms() {}

  /** The coefficient of a term: 3 of 3*x, -1 of -x, 1 of x, the number itself of a number. */
  static double coefficient(Expr term) {
    if (term instanceof Expr.Number n) {
      return n.value();
    }
    if (term instanceof Expr.Product p && p.factors().get(0) instanceof Expr.Number n) {
      return n.value();
    }
    return 1;
  }

  /** The term without its coefficient: x of 3*x, 1 of a number. */
  static Expr rest(Expr term) {
    if (term instanceof Expr.Number) {
      return Exprs.ONE;
    }
    if (term instanceof Expr.Product p && p.factors().get(0) instanceof Expr.Number) {
      List<Expr> factors = p.factors();
      return factors.size() == 2 ? factors.get(1) : Exprs.product(factors.subList(1, factors.size())); // 2*x: no copy
    }
    return term;
  }

  /** c times rest, with c as the leading factor: 2*A*x, not 2*(A*x). */
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

  /** How many transposes e has: the fewer, the more readable a form usually is. */
  static int transposes(Expr e) {
    int count = e instanceof Expr.Transpose ? 1 : 0;
    List<Expr> children = Children.of(e); // by index: no iterator per node
    for (int i = 0; i < children.size(); i++) {
      Expr child = children.get(i);
      count += transposes(child);
    }
    return count;
  }

  /** ones, or ones*ones' (a matrix of ones). */
  static boolean isAllOnes(Expr e) {
    return e instanceof Expr.Ones
        || (e instanceof Expr.Product p && p.factors().size() == 2
            && p.factors().get(0) instanceof Expr.Ones
            && p.factors().get(1) instanceof Expr.Transpose t && t.argument() instanceof Expr.Ones);
  }
}
