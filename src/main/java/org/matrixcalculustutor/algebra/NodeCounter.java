package org.matrixcalculustutor.algebra;

import java.util.List;

/**
 * Counts the nodes of expressions as trees, a shared subtree once for each place it occurs: the
 * size that printing and simplifying pay for. Rules such as d(X^2) = dX X + X dX or expanding
 * (A + B)*(A + B)*... double a tree at each level while sharing its parts, so the count of a sum's,
 * a product's or an entry-wise product's list is remembered in the list ({@link ExprList#nodes}):
 * counting takes the time of the distinct lists, however often they are shared. The other nodes
 * have one or two children, and no rule nests shared ones under them.
 */
public final class NodeCounter {

  private NodeCounter() {}

  /** Where counts stop: far beyond any limit, and small enough that sums of counts stay exact. */
  static final int SATURATED = 1 << 30;

  /** The number of nodes of e as a tree, saturating at {@link #SATURATED}. */
  public static long count(Expr e) {
    if (e instanceof Expr.Sum s) {
      return 1 + ((ExprList) s.terms()).nodes();
    }
    if (e instanceof Expr.Product p) {
      return 1 + ((ExprList) p.factors()).nodes();
    }
    if (e instanceof Expr.Hadamard h) {
      return 1 + ((ExprList) h.factors()).nodes();
    }
    long total = 1;
    List<Expr> children = Children.of(e); // by index: no iterator per node
    for (int i = 0; i < children.size(); i++) {
      total = Math.min(total + count(children.get(i)), SATURATED);
    }
    return total;
  }

  /**
   * e, if it is within Limits.MAX_EXPRESSION_SIZE nodes.
   *
   * @param what what e is, for the message: "the differential", "the expanded form"
   * @throws ExpressionException when e is larger
   */
  public static Expr requireWithinLimit(Expr e, String what) {
    if (count(e) > Limits.MAX_EXPRESSION_SIZE) {
      throw tooLarge(what);
    }
    return e;
  }

  /** The error for an expression beyond the limit, for a check made before the expression is built. */
  public static ExpressionException tooLarge(String what) {
    return new ExpressionException(what + " of this expression grows beyond "
        + String.format(java.util.Locale.ROOT, "%,d", Limits.MAX_EXPRESSION_SIZE)
        + " parts, more than the tutor works with: simplify the expression first, or split it into smaller problems");
  }
}
