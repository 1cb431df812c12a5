package org.matrixcalculustutor.engine;

import org.matrixcalculustutor.algebra.Declarations;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.LatexPrinter;
import org.matrixcalculustutor.algebra.TextPrinter;

/**
 * An expression's text and LaTeX, each printed when first asked for: deriving and grading read the
 * tree, only pages and API answers show it, and printing both was a tenth of deriving a small
 * function. A String is safely shared, so two threads printing at once is harmless.
 */
final class Printed {

  private final Expr expr;
  private final Declarations declarations;
  private String text;
  private String latex;

  Printed(Expr expr, Declarations declarations) {
    this.expr = expr;
    this.declarations = declarations;
  }

  String text() {
    String printed = text;
    if (printed == null) {
      printed = TextPrinter.print(expr, declarations);
      text = printed;
    }
    return printed;
  }

  String latex() {
    String printed = latex;
    if (printed == null) {
      printed = LatexPrinter.print(expr, declarations);
      latex = printed;
    }
    return printed;
  }
}
