package org.matrixcalculustutor.derivation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.LatexPrinter;

/** Small operations on trees by node identity: the repairs of a line edit one place of it. */
final class Trees {

  private Trees() {}

  /** root with the node target (this very instance) replaced by replacement. */
  static Expr replace(Expr root, Expr target, Expr replacement) {
    if (root == target) {
      return replacement;
    }
    return Children.map(root, child -> replace(child, target, replacement));
  }

  /** Every node of e matching test, parents before children, left to right. */
  static List<Expr> nodes(Expr e, Predicate<Expr> test) {
    List<Expr> found = new ArrayList<>();
    collect(e, test, found);
    return found;
  }

  private static void collect(Expr e, Predicate<Expr> test, List<Expr> into) {
    if (test.test(e)) {
      into.add(e);
    }
    for (Expr child : Children.of(e)) {
      collect(child, test, into);
    }
  }

  /** The parent of node (by identity) in root, or null for the root. */
  static Expr parent(Expr root, Expr node) {
    for (Expr child : Children.of(root)) {
      if (child == node) {
        return root;
      }
      Expr found = parent(child, node);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  static boolean contains(Expr e, Expr.Symbol symbol) {
    return Children.any(e, node -> node.equals(symbol));
  }

  /** The line as mathematics: its symbol dX written as the differential of X. */
  static Expr asDifferential(Expr e, Expr.Symbol dX, String variable) {
    Expr.Differential d = new Expr.Differential(new Expr.Symbol(variable));
    return Children.bottomUp(e, node -> node.equals(dX) ? d : node);
  }

  /** The line as TeX, with the problem's declarations: a scalar divisor such as x'*x makes a fraction. */
  static String latex(Expr e, Problem problem) {
    return LatexPrinter.print(asDifferential(e, problem.dX(), problem.variable()), problem.declarations());
  }
}
