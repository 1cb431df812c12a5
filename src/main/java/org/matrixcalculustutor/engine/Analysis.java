package org.matrixcalculustutor.engine;

import java.util.List;
import org.matrixcalculustutor.algebra.Expr;
import org.matrixcalculustutor.algebra.LatexPrinter;
import org.matrixcalculustutor.algebra.Shape;
import org.matrixcalculustutor.algebra.TextPrinter;
import org.matrixcalculustutor.algebra.Typing;

/**
 * A parsed and shape-checked expression. Its text and LaTeX are printed when first asked for:
 * deriving and grading read the tree, and only pages and API answers show it (printing both was a
 * tenth of deriving a small function).
 */
public final class Analysis {

  private final Expr expr;
  private final Typing typing;
  private final List<String> symbols;
  private final List<String> readings;
  /** Printed on first use; a String is safely shared, so two threads printing at once is harmless. */
  private String text;
  private String latex;

  /**
   * @param expr the expression as parsed
   * @param typing shapes of every node and the declarations, inferred ones included
   * @param symbols the symbols in order of first appearance (the calculator offers them as variables)
   * @param readings how habits in the text were read, one sentence each ("Sx" read as S x); pages echo them
   */
  public Analysis(Expr expr, Typing typing, List<String> symbols, List<String> readings) {
    this.expr = expr;
    this.typing = typing;
    this.symbols = List.copyOf(symbols);
    this.readings = List.copyOf(readings);
  }

  /** The expression as parsed. */
  public Expr expr() {
    return expr;
  }

  /** Shapes of every node and the declarations, inferred ones included. */
  public Typing typing() {
    return typing;
  }

  /** The expression printed in the language (re-parses to expr). */
  public String text() {
    String printed = text;
    if (printed == null) {
      printed = TextPrinter.print(expr, typing.declarations());
      text = printed;
    }
    return printed;
  }

  /** The expression as LaTeX, for MathJax. */
  public String latex() {
    String printed = latex;
    if (printed == null) {
      printed = LatexPrinter.print(expr, typing.declarations());
      latex = printed;
    }
    return printed;
  }

  /** The symbols in order of first appearance. */
  public List<String> symbols() {
    return symbols;
  }

  /** How habits in the text were read, one sentence each. */
  public List<String> readings() {
    return readings;
  }

  public Shape shape() {
    return typing.shape();
  }

  @Override
  public String toString() {
    return "Analysis[" + text() + "]";
  }
}
