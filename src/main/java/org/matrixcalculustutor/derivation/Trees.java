package org.matrixcalculustutor.derivation;

import org.matrixcalculustutor.algebra.Children;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.LatexPrinter;

/** Small operations on trees by node identity: the repairs of a line edit one place of it. */
final class Trees {

  private Trees() {}

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
