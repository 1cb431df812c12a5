package org.matrixcalculustutor.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A teacher's remark on a shape clash that one transpose would fix, the most common slip of the
 * subject: for {@code A*(A*x - b)} with A m x n, "A is m x n and A*x - b has length m, so
 * A*(A*x - b) does not fit; did you mean A'*(A*x - b)?". The answer stays unreadable (it has no
 * shape); the remark only says what was probably meant.
 */
public final class ShapeSlips {

  /** Beyond this many operands at the clash, no repair is tried (each try checks the whole answer). */
  static final int MAX_CANDIDATES = 64;

  private ShapeSlips() {}

  /**
   * The clash as a remark with a suggestion when adding or dropping one transpose at the place of
   * the clash makes root well-shaped; else clash itself.
   */
  public static ExpressionException explain(ExpressionException clash, Expr root, Declarations declarations,
      Map<Expr, Span> spans) {
    Expr site = clashSite(root, declarations);
    List<Expr> operands = operands(site);
    if (operands.isEmpty() || operands.size() > MAX_CANDIDATES) {
      return clash;
    }
    List<Integer> order = new ArrayList<>(); // a transpose too many first, then one too few
    for (int i = 0; i < operands.size(); i++) {
      if (transposed(operands.get(i))) {
        order.add(i);
      }
    }
    for (int i = 0; i < operands.size(); i++) {
      if (!transposed(operands.get(i)) && !(operands.get(i) instanceof Expr.Number)) {
        order.add(i);
      }
    }
    for (int i : order) {
      Expr operand = operands.get(i);
      Expr toggled = toggle(operand);
      Expr repairedSite = replaceOperand(site, i, toggled);
      Expr repaired = replace(root, site, repairedSite);
      if (checks(repaired, declarations)) {
        Span span = spans.getOrDefault(site, clash.span());
        String why = why(site, declarations);
        String message = why + "; did you mean " + TextPrinter.print(repairedSite) + "?";
        return new ExpressionException(message, span, TextPrinter.print(repaired), why + ".");
      }
    }
    return clash;
  }

  private static boolean transposed(Expr operand) {
    return operand instanceof Expr.Transpose || operand instanceof Expr.Product p && p.factors().size() == 2
        && p.factors().get(0) instanceof Expr.Number && p.factors().get(1) instanceof Expr.Transpose;
  }

  /** x' for x and x for x'; -b' becomes -b rather than (-b')'. */
  private static Expr toggle(Expr operand) {
    if (operand instanceof Expr.Transpose t) {
      return t.argument();
    }
    if (operand instanceof Expr.Product p && p.factors().size() == 2 && p.factors().get(0) instanceof Expr.Number) {
      return new Expr.Product(List.of(p.factors().get(0), toggle(p.factors().get(1))));
    }
    return new Expr.Transpose(operand);
  }

  /** The smallest node that does not check while all its children do. */
  private static Expr clashSite(Expr root, Declarations declarations) {
    Expr node = root;
    descend:
    while (true) {
      for (Expr child : Children.of(node)) {
        if (!checks(child, declarations)) {
          node = child;
          continue descend;
        }
      }
      return node;
    }
  }

  private static List<Expr> operands(Expr site) {
    if (site instanceof Expr.Product p) {
      return p.factors();
    }
    if (site instanceof Expr.Sum s) {
      return s.terms();
    }
    if (site instanceof Expr.Hadamard h) {
      return h.factors();
    }
    if (site instanceof Expr.Inner inner) {
      return List.of(inner.left(), inner.right());
    }
    if (site instanceof Expr.HadamardQuotient q) {
      return List.of(q.numerator(), q.denominator());
    }
    return List.of();
  }

  private static Expr replaceOperand(Expr site, int index, Expr operand) {
    List<Expr> operands = new ArrayList<>(operands(site));
    operands.set(index, operand);
    if (site instanceof Expr.Product) {
      return new Expr.Product(operands);
    }
    if (site instanceof Expr.Sum) {
      return new Expr.Sum(operands);
    }
    if (site instanceof Expr.Hadamard) {
      return new Expr.Hadamard(operands);
    }
    if (site instanceof Expr.Inner) {
      return new Expr.Inner(operands.get(0), operands.get(1));
    }
    return new Expr.HadamardQuotient(operands.get(0), operands.get(1));
  }

  /** root with the node target (this instance) replaced. */
  private static Expr replace(Expr root, Expr target, Expr replacement) {
    if (root == target) {
      return replacement;
    }
    return Children.map(root, child -> replace(child, target, replacement));
  }

  /** "A is m x n and A*x - b has length m, so A*(A*x - b) does not fit". */
  private static String why(Expr site, Declarations declarations) {
    List<Expr> operands = operands(site);
    Expr left = operands.get(0);
    Expr right = operands.get(1);
    if (site instanceof Expr.Product p) {
      for (int i = 1; i < operands.size(); i++) {
        if (!checks(Exprs.product(p.factors().subList(0, i + 1)), declarations)) {
          int first = 0; // "A is m x n", not "2*A is m x n"
          while (first < i - 1 && p.factors().get(first) instanceof Expr.Number) {
            first++;
          }
          left = Exprs.product(p.factors().subList(first, i));
          right = p.factors().get(i);
          break;
        }
      }
    } else {
      for (int i = 1; i < operands.size(); i++) {
        if (!checks(replaceOperands(site, operands.subList(0, i + 1)), declarations)) {
          left = operands.get(0);
          right = operands.get(i);
          break;
        }
      }
    }
    return describe(left, declarations) + " and " + describe(right, declarations) + ", so "
        + TextPrinter.print(site) + " does not fit";
  }

  private static Expr replaceOperands(Expr site, List<Expr> operands) {
    if (operands.size() < 2) {
      return operands.get(0);
    }
    if (site instanceof Expr.Sum) {
      return new Expr.Sum(operands);
    }
    if (site instanceof Expr.Hadamard) {
      return new Expr.Hadamard(operands);
    }
    return site;
  }

  private static String describe(Expr e, Declarations declarations) {
    String text = TextPrinter.print(e);
    if (text.length() > 40) {
      text = text.substring(0, 37) + "...";
    }
    Shape s;
    try {
      s = ShapeChecker.check(e, declarations).shape();
    } catch (ExpressionException unexpected) {
      return text + " does not fit either";
    }
    if (s.isScalar()) {
      return text + " is a scalar";
    }
    if (s.cols().isOne()) {
      return text + " has length " + s.rows();
    }
    if (s.rows().isOne()) {
      return text + " is a row of length " + s.cols();
    }
    return text + " is " + s.rows() + " x " + s.cols();
  }

  private static boolean checks(Expr e, Declarations declarations) {
    try {
      ShapeChecker.check(e, declarations);
      return true;
    } catch (ExpressionException clash) {
      return false;
    }
  }
}
