package org.matrixcalculustutor.algebra;

import java.util.IdentityHashMap;
import java.util.List;

/**
 * Counts the nodes of expressions as trees, a shared subtree once for each place it occurs: the
 * size that printing and simplifying pay for. Rules such as d(X^2) = dX X + X dX or expanding
 * (A + B)*(A + B)*... double a tree at each level while sharing its parts, so the count is
 * remembered per node and each node is counted once however often it is shared.
 */
public final class NodeCounter {

  private final IdentityHashMap<Expr, Long> counts = new IdentityHashMap<>();

  /** The number of nodes of e as a tree, saturating far beyond any limit. */
  public long count(Expr e) {
    Long known = counts.get(e);
    if (known != null) {
      return known;
    }
    long total = 1;
    List<Expr> children = Children.of(e); // by index: no iterator per node
    for (int i = 0; i < children.size(); i++) {
      Expr child = children.get(i);
      total = Math.min(total + count(child), Long.MAX_VALUE / 2);
    }
    counts.put(e, total);
    return total;
  }

  /**
   * e, if it is within Limits.MAX_EXPRESSION_SIZE nodes.
   *
   * @param what what e is, for the message: "the differential", "the expanded form"
   * @throws ExpressionException when e is larger
   */
  public Expr requireWithinLimit(Expr e, String what) {
    if (count(e) > Limits.MAX_EXPRESSION_SIZE) {
      throw tooLarge(what);
    }
    return e;
  }

  /** The error for an expression beyond the limit, for a check made before the expression is built. */
  public ExpressionException tooLarge(String what) {
    return new ExpressionException(what + " of this expression grows beyond "
        + String.format(java.util.Locale.ROOT, "%,d", Limits.MAX_EXPRESSION_SIZE)
        + " parts, more than the tutor works with: simplify the expression first, or split it into smaller problems");
  }
}
